/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n    token\n    expiresAt\n    rules\n    user {\n      ...SessionUser\n    }\n  }\n}": typeof types.ChangePasswordDocument,
    "mutation Logout {\n  logout\n}": typeof types.LogoutDocument,
    "fragment SessionUser on User {\n  id\n  username\n  displayName\n  roles\n  unitId\n  unit {\n    id\n    name\n    kind\n    countyId\n    townshipId\n    villageId\n    path {\n      id\n      name\n      kind\n    }\n  }\n}": typeof types.SessionUserFragmentDoc,
    "mutation Login($username: String!, $password: String!) {\n  login(username: $username, password: $password) {\n    token\n    expiresAt\n    rules\n    user {\n      ...SessionUser\n    }\n  }\n}": typeof types.LoginDocument,
    "query HolidayCalendar($year: Int!) {\n  holidayCalendar(year: $year) {\n    date\n    kind\n    name\n  }\n}": typeof types.HolidayCalendarDocument,
    "mutation SetCalendarDay($date: Date!, $kind: String!, $name: String!) {\n  setCalendarDay(date: $date, kind: $kind, name: $name) {\n    date\n    kind\n    name\n  }\n}": typeof types.SetCalendarDayDocument,
    "query KeyMatterFigures($all: CaseFilter, $owned: CaseFilter, $notOwned: CaseFilter) {\n  all: keyMatters(filter: $all, first: 1) {\n    totalCount\n  }\n  owned: keyMatters(filter: $owned, first: 1) {\n    totalCount\n  }\n  notOwned: keyMatters(filter: $notOwned, first: 1) {\n    totalCount\n  }\n}\n\nquery BacklogFigures($all: CaseFilter, $owned: CaseFilter, $notOwned: CaseFilter) {\n  all: backlog(filter: $all, first: 1) {\n    totalCount\n  }\n  owned: backlog(filter: $owned, first: 1) {\n    totalCount\n  }\n  notOwned: backlog(filter: $notOwned, first: 1) {\n    totalCount\n  }\n}": typeof types.KeyMatterFiguresDocument,
    "query CaseListOptions {\n  units {\n    id\n    name\n    kind\n    parentId\n    sortOrder\n  }\n}": typeof types.CaseListOptionsDocument,
    "fragment CaseListRow on Petition {\n  id\n  number\n  status\n  subject\n  isKeyMatter\n  isBacklog\n  ageDays\n  lastActionAt\n  locationUnit {\n    name\n  }\n  handlingUnit {\n    name\n  }\n  ownership {\n    isOwned\n    missing\n    leader {\n      id\n      displayName\n    }\n  }\n}\n\nquery KeyMatterList($filter: CaseFilter, $first: Int, $after: String) {\n  keyMatters(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        ...CaseListRow\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery BacklogList($filter: CaseFilter, $first: Int, $after: String) {\n  backlog(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        ...CaseListRow\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.CaseListRowFragmentDoc,
    "query ExportKeyMatters($filter: CaseFilter) {\n  exportKeyMatters(filter: $filter) {\n    filename\n    contentType\n    rows\n    base64\n  }\n}\n\nquery ExportBacklog($filter: CaseFilter) {\n  exportBacklog(filter: $filter) {\n    filename\n    contentType\n    rows\n    base64\n  }\n}": typeof types.ExportKeyMattersDocument,
    "mutation MarkNotificationsRead($ids: [ID!]!) {\n  markNotificationsRead(ids: $ids)\n}": typeof types.MarkNotificationsReadDocument,
    "query Notifications($unreadOnly: Boolean) {\n  notifications(unreadOnly: $unreadOnly) {\n    ...NotificationLine\n  }\n}\n\nfragment NotificationLine on Notification {\n  id\n  kind\n  dueOn\n  createdAt\n  read\n  petition {\n    id\n    number\n  }\n}": typeof types.NotificationsDocument,
    "query UnreadNotificationCount {\n  unreadNotificationCount\n}": typeof types.UnreadNotificationCountDocument,
    "query Me {\n  me {\n    ...SessionUser\n  }\n}": typeof types.MeDocument,
    "query UnitsBelow($unitId: ID!) {\n  units(filter: {subtreeOf: $unitId}) {\n    id\n    name\n    kind\n    parentId\n    depth\n    sortOrder\n  }\n}": typeof types.UnitsBelowDocument,
    "mutation AcceptPetition($id: ID!, $version: Int!) {\n  acceptPetition(id: $id, version: $version) {\n    id\n    version\n    status\n  }\n}": typeof types.AcceptPetitionDocument,
    "mutation AnswerPetition($id: ID!, $version: Int!, $text: String!, $answeredAt: Date) {\n  answerPetition(id: $id, version: $version, text: $text, answeredAt: $answeredAt) {\n    id\n    version\n    status\n  }\n}": typeof types.AnswerPetitionDocument,
    "mutation AssignPetition($id: ID!, $version: Int!, $handlingUnitId: ID!, $mode: AssignMode!) {\n  assignPetition(\n    id: $id\n    version: $version\n    handlingUnitId: $handlingUnitId\n    mode: $mode\n  ) {\n    id\n    version\n    status\n  }\n}": typeof types.AssignPetitionDocument,
    "mutation ClosePetition($id: ID!, $version: Int!, $settled: Boolean, $resolvedHarmoniously: Boolean, $note: String) {\n  closePetition(\n    id: $id\n    version: $version\n    settled: $settled\n    resolvedHarmoniously: $resolvedHarmoniously\n    note: $note\n  ) {\n    id\n    version\n    status\n  }\n}": typeof types.ClosePetitionDocument,
    "mutation DecideExtension($id: ID!, $version: Int!, $approve: Boolean!, $note: String) {\n  decideExtension(id: $id, version: $version, approve: $approve, note: $note) {\n    id\n    version\n    status\n  }\n}": typeof types.DecideExtensionDocument,
    "mutation DecideReview($id: ID!, $version: Int!, $decision: String!, $hearingDays: Int) {\n  decideReview(\n    id: $id\n    version: $version\n    decision: $decision\n    hearingDays: $hearingDays\n  ) {\n    id\n    version\n    status\n  }\n}": typeof types.DecideReviewDocument,
    "mutation DeclinePetition($id: ID!, $version: Int!, $reason: String!) {\n  declinePetition(id: $id, version: $version, reason: $reason) {\n    id\n    version\n    status\n  }\n}": typeof types.DeclinePetitionDocument,
    "mutation FlagPetition($id: ID!, $version: Int!, $isKeyMatter: Boolean, $isBacklog: Boolean, $reason: String) {\n  flagPetition(\n    id: $id\n    version: $version\n    isKeyMatter: $isKeyMatter\n    isBacklog: $isBacklog\n    reason: $reason\n  ) {\n    id\n    version\n    isKeyMatter\n    isBacklog\n  }\n}": typeof types.FlagPetitionDocument,
    "query HandlingUnits {\n  units(filter: {kinds: [DEPARTMENT, TOWNSHIP, BUREAU]}) {\n    id\n    name\n    kind\n    parentId\n    sortOrder\n  }\n}": typeof types.HandlingUnitsDocument,
    "mutation InstructPetition($id: ID!, $version: Int!, $instruction: String!) {\n  instructPetition(id: $id, version: $version, instruction: $instruction) {\n    id\n    version\n    status\n  }\n}": typeof types.InstructPetitionDocument,
    "mutation NotifyPetitioner($id: ID!, $version: Int!, $note: String, $sentAt: Date) {\n  notifyPetitioner(id: $id, version: $version, note: $note, sentAt: $sentAt) {\n    id\n    version\n    status\n  }\n}": typeof types.NotifyPetitionerDocument,
    "mutation ObjectToAssignment($id: ID!, $version: Int!, $reason: String!) {\n  objectToAssignment(id: $id, version: $version, reason: $reason) {\n    id\n    version\n    status\n  }\n}": typeof types.ObjectToAssignmentDocument,
    "query OwnershipOptions {\n  countyLeaders {\n    id\n    displayName\n  }\n  units(filter: {kinds: [DEPARTMENT, TOWNSHIP]}) {\n    id\n    name\n    kind\n    sortOrder\n  }\n}": typeof types.OwnershipOptionsDocument,
    "fragment PetitionDetail on Petition {\n  id\n  number\n  version\n  status\n  kind\n  channel\n  warning\n  receivedAt\n  headcount\n  isCollective\n  isInitial\n  isKeyMatter\n  isBacklog\n  isFinal\n  isSkipLevel\n  subject\n  content\n  answerText\n  answeredAt\n  declineReason\n  respondentName\n  receiptCode\n  satisfaction\n  extensionStatus\n  extensionDays\n  handlingMode\n  petitioner {\n    name\n    idNumber\n    phone\n    address\n  }\n  category {\n    code\n    name\n  }\n  locationUnit {\n    id\n    name\n    kind\n  }\n  handlingUnit {\n    id\n    name\n    kind\n  }\n  respondentUnit {\n    id\n    name\n    kind\n  }\n  repeatOf {\n    id\n    number\n  }\n  deadlines {\n    acceptBy\n    noticeBy\n    answerBy\n    objectionBy\n    appealRequestBy\n    reviewBy\n    current\n  }\n  timeline {\n    id\n    type\n    actorName\n    at\n    fromStatus\n    toStatus\n    note\n    handlingUnit\n  }\n  disputes {\n    id\n    summary\n    status\n    riskLevel\n    reportedOn\n    unit {\n      name\n    }\n  }\n  availableActions\n  ageDays\n  resolvedHarmoniously\n  keyMatterReason\n  canSetOwnership\n  canFlag\n  ownership {\n    isOwned\n    missing\n    leader {\n      id\n      displayName\n    }\n    unit {\n      id\n      name\n      kind\n    }\n    resolutionPlan\n    resolutionPlanOn\n    stabilityPlan\n    stabilityPlanOn\n  }\n}\n\nquery Petition($id: ID!) {\n  petition(id: $id) {\n    ...PetitionDetail\n  }\n}": typeof types.PetitionDetailFragmentDoc,
    "mutation RateAnswer($id: ID!, $version: Int!, $satisfaction: Satisfaction!) {\n  rateAnswer(id: $id, version: $version, satisfaction: $satisfaction) {\n    id\n    version\n    status\n  }\n}": typeof types.RateAnswerDocument,
    "mutation RecordFollowUp($id: ID!, $version: Int!, $note: String!, $settled: Boolean) {\n  recordFollowUp(id: $id, version: $version, note: $note, settled: $settled) {\n    id\n    version\n    status\n  }\n}": typeof types.RecordFollowUpDocument,
    "mutation RequestExtension($id: ID!, $version: Int!, $days: Int!, $reason: String!) {\n  requestExtension(id: $id, version: $version, days: $days, reason: $reason) {\n    id\n    version\n    status\n  }\n}": typeof types.RequestExtensionDocument,
    "mutation RequestReview($id: ID!, $version: Int!, $requestedAt: Date) {\n  requestReview(id: $id, version: $version, requestedAt: $requestedAt) {\n    id\n    version\n    status\n  }\n}": typeof types.RequestReviewDocument,
    "mutation SetCaseOwnership($petitionId: ID!, $input: CaseOwnershipInput!) {\n  setCaseOwnership(petitionId: $petitionId, input: $input) {\n    id\n    version\n    ownership {\n      isOwned\n      missing\n    }\n  }\n}": typeof types.SetCaseOwnershipDocument,
    "query IntakeUnits {\n  units {\n    id\n    name\n    kind\n    parentId\n    sortOrder\n  }\n}": typeof types.IntakeUnitsDocument,
    "query PetitionCategories {\n  petitionCategories {\n    code\n    name\n  }\n}": typeof types.PetitionCategoriesDocument,
    "query PetitionMatches($input: PetitionMatchInput!) {\n  petitionMatches(input: $input) {\n    reasons\n    sameMatter\n    petition {\n      id\n      number\n      subject\n      receivedAt\n      status\n    }\n  }\n}": typeof types.PetitionMatchesDocument,
    "query ProposeHandlingUnit($categoryCode: String!, $kind: PetitionKind!, $locationUnitId: ID!) {\n  proposeHandlingUnit(\n    categoryCode: $categoryCode\n    kind: $kind\n    locationUnitId: $locationUnitId\n  ) {\n    id\n    name\n    kind\n  }\n}": typeof types.ProposeHandlingUnitDocument,
    "mutation RegisterPetition($input: RegisterPetitionInput!) {\n  registerPetition(input: $input) {\n    id\n    number\n    receiptCode\n  }\n}": typeof types.RegisterPetitionDocument,
    "query ExportPetitionList($filter: PetitionFilter) {\n  exportPetitions(filter: $filter) {\n    filename\n    contentType\n    rows\n    base64\n  }\n}": typeof types.ExportPetitionListDocument,
    "query PetitionListOptions {\n  petitionCategories {\n    code\n    name\n  }\n  units {\n    id\n    name\n    kind\n    parentId\n    sortOrder\n  }\n}": typeof types.PetitionListOptionsDocument,
    "fragment PetitionListRow on Petition {\n  id\n  number\n  status\n  kind\n  channel\n  receivedAt\n  headcount\n  isCollective\n  subject\n  category {\n    name\n  }\n  locationUnit {\n    name\n  }\n  handlingUnit {\n    name\n  }\n  deadlines {\n    current\n  }\n  warning\n  isKeyMatter\n  isBacklog\n  extensionStatus\n}\n\nquery PetitionList($filter: PetitionFilter, $first: Int, $after: String) {\n  petitions(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        ...PetitionListRow\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.PetitionListRowFragmentDoc,
    "query MyWorkCounts {\n  red: petitions(filter: {mine: true, warning: [RED]}, first: 1) {\n    totalCount\n  }\n  yellow: petitions(filter: {mine: true, warning: [YELLOW]}, first: 1) {\n    totalCount\n  }\n  none: petitions(filter: {mine: true, warning: [NONE]}, first: 1) {\n    totalCount\n  }\n}": typeof types.MyWorkCountsDocument,
    "query ScreeningReminders {\n  screeningReminders {\n    unit {\n      id\n      name\n      kind\n    }\n    periodStart\n    periodEnd\n    dueDate\n    status\n    daysLeft\n    own\n  }\n}": typeof types.ScreeningRemindersDocument,
    "query PetitionByReceipt($code: String!) {\n  petitionByReceipt(code: $code) {\n    id\n    number\n    version\n    status\n    receivedAt\n    acceptedAt\n    answeredAt\n    closedAt\n    satisfaction\n    canRate\n    deadlines {\n      acceptBy\n      noticeBy\n      answerBy\n      objectionBy\n      appealRequestBy\n      reviewBy\n      current\n    }\n  }\n}": typeof types.PetitionByReceiptDocument,
    "mutation RateByReceipt($id: ID!, $version: Int!, $satisfaction: Satisfaction!, $receiptCode: String!) {\n  rateAnswer(\n    id: $id\n    version: $version\n    satisfaction: $satisfaction\n    receiptCode: $receiptCode\n  ) {\n    id\n    version\n  }\n}": typeof types.RateByReceiptDocument,
    "query ScreeningCompliance($month: String!, $scopeUnitId: ID!) {\n  screeningCompliance(month: $month, scopeUnitId: $scopeUnitId) {\n    unit {\n      id\n      name\n      kind\n    }\n    parentId\n    cadence\n    expected\n    due\n    submitted\n    late\n    missing\n    vetoEvidence\n    periods {\n      periodStart\n      periodEnd\n      dueDate\n      status\n      report {\n        id\n        isZeroReport\n        disputeCount\n        vetoEvidence\n        reviewedAt\n      }\n    }\n  }\n}": typeof types.ScreeningComplianceDocument,
    "query DisputeSummary($filter: DisputeFilter) {\n  disputeSummary(filter: $filter) {\n    found\n    resolved\n    escalated\n    overdue\n    resolutionRate\n  }\n}": typeof types.DisputeSummaryDocument,
    "fragment DisputeDetail on Dispute {\n  id\n  version\n  unit {\n    id\n    name\n    kind\n  }\n  category {\n    code\n    name\n  }\n  parties\n  headcount\n  summary\n  riskLevel\n  status\n  arisenOn\n  periodStart\n  reportedOn\n  resolveBy\n  resolvedOn\n  resolutionNote\n  isOverdue\n  isLinked\n  escalatedAt\n  escalatedByName\n  escalationNote\n  petition {\n    id\n    number\n    subject\n    status\n  }\n  history {\n    id\n    type\n    actorName\n    at\n    note\n  }\n  availableActions\n}\n\nquery Dispute($id: ID!) {\n  dispute(id: $id) {\n    ...DisputeDetail\n  }\n}": typeof types.DisputeDetailFragmentDoc,
    "fragment DisputeRow on Dispute {\n  id\n  reportedOn\n  unit {\n    id\n    name\n    kind\n  }\n  category {\n    code\n    name\n  }\n  parties\n  headcount\n  summary\n  riskLevel\n  status\n  resolveBy\n  isOverdue\n  isLinked\n  petition {\n    id\n    number\n  }\n}\n\nquery Disputes($filter: DisputeFilter, $first: Int, $after: String) {\n  disputes(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        ...DisputeRow\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.DisputeRowFragmentDoc,
    "mutation EscalateDispute($id: ID!, $version: Int!, $note: String!) {\n  escalateDispute(id: $id, version: $version, note: $note) {\n    ...DisputeDetail\n  }\n}": typeof types.EscalateDisputeDocument,
    "query ExportDisputes($filter: DisputeFilter) {\n  exportDisputes(filter: $filter) {\n    filename\n    contentType\n    rows\n    base64\n  }\n}": typeof types.ExportDisputesDocument,
    "mutation LinkDisputeToPetition($disputeId: ID!, $petitionId: ID!, $version: Int!) {\n  linkDisputeToPetition(\n    disputeId: $disputeId\n    petitionId: $petitionId\n    version: $version\n  ) {\n    ...DisputeDetail\n  }\n}": typeof types.LinkDisputeToPetitionDocument,
    "query LinkPetitionCandidates($filter: PetitionFilter) {\n  petitions(filter: $filter, first: 50) {\n    edges {\n      node {\n        id\n        number\n        subject\n        receivedAt\n        status\n        locationUnit {\n          name\n        }\n      }\n    }\n  }\n}": typeof types.LinkPetitionCandidatesDocument,
    "mutation UpdateDispute($input: UpdateDisputeInput!) {\n  updateDispute(input: $input) {\n    ...DisputeDetail\n  }\n}": typeof types.UpdateDisputeDocument,
    "mutation CorrectScreeningReport($input: CorrectScreeningReportInput!) {\n  correctScreeningReport(input: $input) {\n    ...ScreeningReportDetail\n  }\n}": typeof types.CorrectScreeningReportDocument,
    "mutation ReviewScreeningReport($id: ID!, $version: Int!, $note: String) {\n  reviewScreeningReport(id: $id, version: $version, note: $note) {\n    ...ScreeningReportDetail\n  }\n}": typeof types.ReviewScreeningReportDocument,
    "fragment ReportDispute on Dispute {\n  id\n  category {\n    code\n    name\n  }\n  parties\n  headcount\n  summary\n  riskLevel\n  status\n  arisenOn\n  resolveBy\n  isOverdue\n  isLinked\n  escalatedAt\n}\n\nfragment ScreeningReportDetail on ScreeningReport {\n  id\n  version\n  unit {\n    id\n    name\n    kind\n  }\n  periodStart\n  periodEnd\n  dueDate\n  status\n  isZeroReport\n  disputeCount\n  note\n  submittedOn\n  submittedByName\n  reviewedAt\n  reviewedByName\n  correctionCount\n  vetoEvidence\n  canCorrect\n  canReview\n  disputes {\n    ...ReportDispute\n  }\n  concealedDisputes {\n    ...ReportDispute\n  }\n  history {\n    id\n    type\n    actorName\n    at\n    note\n  }\n}\n\nquery ScreeningReport($id: ID!) {\n  screeningReport(id: $id) {\n    ...ScreeningReportDetail\n  }\n}": typeof types.ReportDisputeFragmentDoc,
    "mutation CancelScreeningRule($id: ID!, $version: Int!) {\n  cancelScreeningRule(id: $id, version: $version)\n}": typeof types.CancelScreeningRuleDocument,
    "mutation SetScreeningRule($input: ScreeningRuleInput!) {\n  setScreeningRule(input: $input) {\n    id\n    unitKind\n    cadence\n    dueAfterDays\n    effectiveFrom\n    version\n  }\n}": typeof types.SetScreeningRuleDocument,
    "query ScreeningPeriods($unitId: ID!, $from: Date!, $to: Date!) {\n  screeningPeriods(unitId: $unitId, from: $from, to: $to) {\n    periodStart\n    periodEnd\n    dueDate\n    status\n    report {\n      id\n      isZeroReport\n      disputeCount\n      submittedOn\n      reviewedAt\n      correctionCount\n      canCorrect\n      vetoEvidence\n    }\n  }\n}": typeof types.ScreeningPeriodsDocument,
    "query ScreeningRules {\n  screeningRules {\n    id\n    version\n    unitKind\n    cadence\n    dueAfterDays\n    effectiveFrom\n  }\n}": typeof types.ScreeningRulesDocument,
    "mutation SubmitScreeningReport($input: SubmitScreeningReportInput!) {\n  submitScreeningReport(input: $input) {\n    id\n    periodStart\n    status\n    isZeroReport\n    disputeCount\n  }\n}": typeof types.SubmitScreeningReportDocument,
    "mutation CreateUnit($input: CreateUnitInput!) {\n  createUnit(input: $input) {\n    ...TreeUnit\n  }\n}": typeof types.CreateUnitDocument,
    "fragment TreeUnit on Unit {\n  id\n  name\n  kind\n  parentId\n  depth\n  sortOrder\n  version\n}\n\nquery Units($filter: UnitFilter) {\n  units(filter: $filter) {\n    ...TreeUnit\n  }\n}": typeof types.TreeUnitFragmentDoc,
    "mutation UpdateUnit($id: ID!, $version: Int!, $input: UpdateUnitInput!) {\n  updateUnit(id: $id, version: $version, input: $input) {\n    ...TreeUnit\n  }\n}": typeof types.UpdateUnitDocument,
    "mutation CreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    ...UserRow\n  }\n}": typeof types.CreateUserDocument,
    "mutation ResetUserPassword($id: ID!, $version: Int!, $password: String!) {\n  resetUserPassword(id: $id, version: $version, password: $password) {\n    ...UserRow\n  }\n}": typeof types.ResetUserPasswordDocument,
    "mutation UpdateUser($id: ID!, $version: Int!, $input: UpdateUserInput!) {\n  updateUser(id: $id, version: $version, input: $input) {\n    ...UserRow\n  }\n}": typeof types.UpdateUserDocument,
    "fragment UserRow on User {\n  id\n  username\n  displayName\n  roles\n  active\n  lastLoginAt\n  version\n  unitId\n  unit {\n    id\n    name\n    kind\n  }\n}\n\nquery Users($filter: UserFilter, $first: Int, $after: String) {\n  users(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        ...UserRow\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}": typeof types.UserRowFragmentDoc,
};
const documents: Documents = {
    "mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n    token\n    expiresAt\n    rules\n    user {\n      ...SessionUser\n    }\n  }\n}": types.ChangePasswordDocument,
    "mutation Logout {\n  logout\n}": types.LogoutDocument,
    "fragment SessionUser on User {\n  id\n  username\n  displayName\n  roles\n  unitId\n  unit {\n    id\n    name\n    kind\n    countyId\n    townshipId\n    villageId\n    path {\n      id\n      name\n      kind\n    }\n  }\n}": types.SessionUserFragmentDoc,
    "mutation Login($username: String!, $password: String!) {\n  login(username: $username, password: $password) {\n    token\n    expiresAt\n    rules\n    user {\n      ...SessionUser\n    }\n  }\n}": types.LoginDocument,
    "query HolidayCalendar($year: Int!) {\n  holidayCalendar(year: $year) {\n    date\n    kind\n    name\n  }\n}": types.HolidayCalendarDocument,
    "mutation SetCalendarDay($date: Date!, $kind: String!, $name: String!) {\n  setCalendarDay(date: $date, kind: $kind, name: $name) {\n    date\n    kind\n    name\n  }\n}": types.SetCalendarDayDocument,
    "query KeyMatterFigures($all: CaseFilter, $owned: CaseFilter, $notOwned: CaseFilter) {\n  all: keyMatters(filter: $all, first: 1) {\n    totalCount\n  }\n  owned: keyMatters(filter: $owned, first: 1) {\n    totalCount\n  }\n  notOwned: keyMatters(filter: $notOwned, first: 1) {\n    totalCount\n  }\n}\n\nquery BacklogFigures($all: CaseFilter, $owned: CaseFilter, $notOwned: CaseFilter) {\n  all: backlog(filter: $all, first: 1) {\n    totalCount\n  }\n  owned: backlog(filter: $owned, first: 1) {\n    totalCount\n  }\n  notOwned: backlog(filter: $notOwned, first: 1) {\n    totalCount\n  }\n}": types.KeyMatterFiguresDocument,
    "query CaseListOptions {\n  units {\n    id\n    name\n    kind\n    parentId\n    sortOrder\n  }\n}": types.CaseListOptionsDocument,
    "fragment CaseListRow on Petition {\n  id\n  number\n  status\n  subject\n  isKeyMatter\n  isBacklog\n  ageDays\n  lastActionAt\n  locationUnit {\n    name\n  }\n  handlingUnit {\n    name\n  }\n  ownership {\n    isOwned\n    missing\n    leader {\n      id\n      displayName\n    }\n  }\n}\n\nquery KeyMatterList($filter: CaseFilter, $first: Int, $after: String) {\n  keyMatters(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        ...CaseListRow\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery BacklogList($filter: CaseFilter, $first: Int, $after: String) {\n  backlog(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        ...CaseListRow\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.CaseListRowFragmentDoc,
    "query ExportKeyMatters($filter: CaseFilter) {\n  exportKeyMatters(filter: $filter) {\n    filename\n    contentType\n    rows\n    base64\n  }\n}\n\nquery ExportBacklog($filter: CaseFilter) {\n  exportBacklog(filter: $filter) {\n    filename\n    contentType\n    rows\n    base64\n  }\n}": types.ExportKeyMattersDocument,
    "mutation MarkNotificationsRead($ids: [ID!]!) {\n  markNotificationsRead(ids: $ids)\n}": types.MarkNotificationsReadDocument,
    "query Notifications($unreadOnly: Boolean) {\n  notifications(unreadOnly: $unreadOnly) {\n    ...NotificationLine\n  }\n}\n\nfragment NotificationLine on Notification {\n  id\n  kind\n  dueOn\n  createdAt\n  read\n  petition {\n    id\n    number\n  }\n}": types.NotificationsDocument,
    "query UnreadNotificationCount {\n  unreadNotificationCount\n}": types.UnreadNotificationCountDocument,
    "query Me {\n  me {\n    ...SessionUser\n  }\n}": types.MeDocument,
    "query UnitsBelow($unitId: ID!) {\n  units(filter: {subtreeOf: $unitId}) {\n    id\n    name\n    kind\n    parentId\n    depth\n    sortOrder\n  }\n}": types.UnitsBelowDocument,
    "mutation AcceptPetition($id: ID!, $version: Int!) {\n  acceptPetition(id: $id, version: $version) {\n    id\n    version\n    status\n  }\n}": types.AcceptPetitionDocument,
    "mutation AnswerPetition($id: ID!, $version: Int!, $text: String!, $answeredAt: Date) {\n  answerPetition(id: $id, version: $version, text: $text, answeredAt: $answeredAt) {\n    id\n    version\n    status\n  }\n}": types.AnswerPetitionDocument,
    "mutation AssignPetition($id: ID!, $version: Int!, $handlingUnitId: ID!, $mode: AssignMode!) {\n  assignPetition(\n    id: $id\n    version: $version\n    handlingUnitId: $handlingUnitId\n    mode: $mode\n  ) {\n    id\n    version\n    status\n  }\n}": types.AssignPetitionDocument,
    "mutation ClosePetition($id: ID!, $version: Int!, $settled: Boolean, $resolvedHarmoniously: Boolean, $note: String) {\n  closePetition(\n    id: $id\n    version: $version\n    settled: $settled\n    resolvedHarmoniously: $resolvedHarmoniously\n    note: $note\n  ) {\n    id\n    version\n    status\n  }\n}": types.ClosePetitionDocument,
    "mutation DecideExtension($id: ID!, $version: Int!, $approve: Boolean!, $note: String) {\n  decideExtension(id: $id, version: $version, approve: $approve, note: $note) {\n    id\n    version\n    status\n  }\n}": types.DecideExtensionDocument,
    "mutation DecideReview($id: ID!, $version: Int!, $decision: String!, $hearingDays: Int) {\n  decideReview(\n    id: $id\n    version: $version\n    decision: $decision\n    hearingDays: $hearingDays\n  ) {\n    id\n    version\n    status\n  }\n}": types.DecideReviewDocument,
    "mutation DeclinePetition($id: ID!, $version: Int!, $reason: String!) {\n  declinePetition(id: $id, version: $version, reason: $reason) {\n    id\n    version\n    status\n  }\n}": types.DeclinePetitionDocument,
    "mutation FlagPetition($id: ID!, $version: Int!, $isKeyMatter: Boolean, $isBacklog: Boolean, $reason: String) {\n  flagPetition(\n    id: $id\n    version: $version\n    isKeyMatter: $isKeyMatter\n    isBacklog: $isBacklog\n    reason: $reason\n  ) {\n    id\n    version\n    isKeyMatter\n    isBacklog\n  }\n}": types.FlagPetitionDocument,
    "query HandlingUnits {\n  units(filter: {kinds: [DEPARTMENT, TOWNSHIP, BUREAU]}) {\n    id\n    name\n    kind\n    parentId\n    sortOrder\n  }\n}": types.HandlingUnitsDocument,
    "mutation InstructPetition($id: ID!, $version: Int!, $instruction: String!) {\n  instructPetition(id: $id, version: $version, instruction: $instruction) {\n    id\n    version\n    status\n  }\n}": types.InstructPetitionDocument,
    "mutation NotifyPetitioner($id: ID!, $version: Int!, $note: String, $sentAt: Date) {\n  notifyPetitioner(id: $id, version: $version, note: $note, sentAt: $sentAt) {\n    id\n    version\n    status\n  }\n}": types.NotifyPetitionerDocument,
    "mutation ObjectToAssignment($id: ID!, $version: Int!, $reason: String!) {\n  objectToAssignment(id: $id, version: $version, reason: $reason) {\n    id\n    version\n    status\n  }\n}": types.ObjectToAssignmentDocument,
    "query OwnershipOptions {\n  countyLeaders {\n    id\n    displayName\n  }\n  units(filter: {kinds: [DEPARTMENT, TOWNSHIP]}) {\n    id\n    name\n    kind\n    sortOrder\n  }\n}": types.OwnershipOptionsDocument,
    "fragment PetitionDetail on Petition {\n  id\n  number\n  version\n  status\n  kind\n  channel\n  warning\n  receivedAt\n  headcount\n  isCollective\n  isInitial\n  isKeyMatter\n  isBacklog\n  isFinal\n  isSkipLevel\n  subject\n  content\n  answerText\n  answeredAt\n  declineReason\n  respondentName\n  receiptCode\n  satisfaction\n  extensionStatus\n  extensionDays\n  handlingMode\n  petitioner {\n    name\n    idNumber\n    phone\n    address\n  }\n  category {\n    code\n    name\n  }\n  locationUnit {\n    id\n    name\n    kind\n  }\n  handlingUnit {\n    id\n    name\n    kind\n  }\n  respondentUnit {\n    id\n    name\n    kind\n  }\n  repeatOf {\n    id\n    number\n  }\n  deadlines {\n    acceptBy\n    noticeBy\n    answerBy\n    objectionBy\n    appealRequestBy\n    reviewBy\n    current\n  }\n  timeline {\n    id\n    type\n    actorName\n    at\n    fromStatus\n    toStatus\n    note\n    handlingUnit\n  }\n  disputes {\n    id\n    summary\n    status\n    riskLevel\n    reportedOn\n    unit {\n      name\n    }\n  }\n  availableActions\n  ageDays\n  resolvedHarmoniously\n  keyMatterReason\n  canSetOwnership\n  canFlag\n  ownership {\n    isOwned\n    missing\n    leader {\n      id\n      displayName\n    }\n    unit {\n      id\n      name\n      kind\n    }\n    resolutionPlan\n    resolutionPlanOn\n    stabilityPlan\n    stabilityPlanOn\n  }\n}\n\nquery Petition($id: ID!) {\n  petition(id: $id) {\n    ...PetitionDetail\n  }\n}": types.PetitionDetailFragmentDoc,
    "mutation RateAnswer($id: ID!, $version: Int!, $satisfaction: Satisfaction!) {\n  rateAnswer(id: $id, version: $version, satisfaction: $satisfaction) {\n    id\n    version\n    status\n  }\n}": types.RateAnswerDocument,
    "mutation RecordFollowUp($id: ID!, $version: Int!, $note: String!, $settled: Boolean) {\n  recordFollowUp(id: $id, version: $version, note: $note, settled: $settled) {\n    id\n    version\n    status\n  }\n}": types.RecordFollowUpDocument,
    "mutation RequestExtension($id: ID!, $version: Int!, $days: Int!, $reason: String!) {\n  requestExtension(id: $id, version: $version, days: $days, reason: $reason) {\n    id\n    version\n    status\n  }\n}": types.RequestExtensionDocument,
    "mutation RequestReview($id: ID!, $version: Int!, $requestedAt: Date) {\n  requestReview(id: $id, version: $version, requestedAt: $requestedAt) {\n    id\n    version\n    status\n  }\n}": types.RequestReviewDocument,
    "mutation SetCaseOwnership($petitionId: ID!, $input: CaseOwnershipInput!) {\n  setCaseOwnership(petitionId: $petitionId, input: $input) {\n    id\n    version\n    ownership {\n      isOwned\n      missing\n    }\n  }\n}": types.SetCaseOwnershipDocument,
    "query IntakeUnits {\n  units {\n    id\n    name\n    kind\n    parentId\n    sortOrder\n  }\n}": types.IntakeUnitsDocument,
    "query PetitionCategories {\n  petitionCategories {\n    code\n    name\n  }\n}": types.PetitionCategoriesDocument,
    "query PetitionMatches($input: PetitionMatchInput!) {\n  petitionMatches(input: $input) {\n    reasons\n    sameMatter\n    petition {\n      id\n      number\n      subject\n      receivedAt\n      status\n    }\n  }\n}": types.PetitionMatchesDocument,
    "query ProposeHandlingUnit($categoryCode: String!, $kind: PetitionKind!, $locationUnitId: ID!) {\n  proposeHandlingUnit(\n    categoryCode: $categoryCode\n    kind: $kind\n    locationUnitId: $locationUnitId\n  ) {\n    id\n    name\n    kind\n  }\n}": types.ProposeHandlingUnitDocument,
    "mutation RegisterPetition($input: RegisterPetitionInput!) {\n  registerPetition(input: $input) {\n    id\n    number\n    receiptCode\n  }\n}": types.RegisterPetitionDocument,
    "query ExportPetitionList($filter: PetitionFilter) {\n  exportPetitions(filter: $filter) {\n    filename\n    contentType\n    rows\n    base64\n  }\n}": types.ExportPetitionListDocument,
    "query PetitionListOptions {\n  petitionCategories {\n    code\n    name\n  }\n  units {\n    id\n    name\n    kind\n    parentId\n    sortOrder\n  }\n}": types.PetitionListOptionsDocument,
    "fragment PetitionListRow on Petition {\n  id\n  number\n  status\n  kind\n  channel\n  receivedAt\n  headcount\n  isCollective\n  subject\n  category {\n    name\n  }\n  locationUnit {\n    name\n  }\n  handlingUnit {\n    name\n  }\n  deadlines {\n    current\n  }\n  warning\n  isKeyMatter\n  isBacklog\n  extensionStatus\n}\n\nquery PetitionList($filter: PetitionFilter, $first: Int, $after: String) {\n  petitions(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        ...PetitionListRow\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.PetitionListRowFragmentDoc,
    "query MyWorkCounts {\n  red: petitions(filter: {mine: true, warning: [RED]}, first: 1) {\n    totalCount\n  }\n  yellow: petitions(filter: {mine: true, warning: [YELLOW]}, first: 1) {\n    totalCount\n  }\n  none: petitions(filter: {mine: true, warning: [NONE]}, first: 1) {\n    totalCount\n  }\n}": types.MyWorkCountsDocument,
    "query ScreeningReminders {\n  screeningReminders {\n    unit {\n      id\n      name\n      kind\n    }\n    periodStart\n    periodEnd\n    dueDate\n    status\n    daysLeft\n    own\n  }\n}": types.ScreeningRemindersDocument,
    "query PetitionByReceipt($code: String!) {\n  petitionByReceipt(code: $code) {\n    id\n    number\n    version\n    status\n    receivedAt\n    acceptedAt\n    answeredAt\n    closedAt\n    satisfaction\n    canRate\n    deadlines {\n      acceptBy\n      noticeBy\n      answerBy\n      objectionBy\n      appealRequestBy\n      reviewBy\n      current\n    }\n  }\n}": types.PetitionByReceiptDocument,
    "mutation RateByReceipt($id: ID!, $version: Int!, $satisfaction: Satisfaction!, $receiptCode: String!) {\n  rateAnswer(\n    id: $id\n    version: $version\n    satisfaction: $satisfaction\n    receiptCode: $receiptCode\n  ) {\n    id\n    version\n  }\n}": types.RateByReceiptDocument,
    "query ScreeningCompliance($month: String!, $scopeUnitId: ID!) {\n  screeningCompliance(month: $month, scopeUnitId: $scopeUnitId) {\n    unit {\n      id\n      name\n      kind\n    }\n    parentId\n    cadence\n    expected\n    due\n    submitted\n    late\n    missing\n    vetoEvidence\n    periods {\n      periodStart\n      periodEnd\n      dueDate\n      status\n      report {\n        id\n        isZeroReport\n        disputeCount\n        vetoEvidence\n        reviewedAt\n      }\n    }\n  }\n}": types.ScreeningComplianceDocument,
    "query DisputeSummary($filter: DisputeFilter) {\n  disputeSummary(filter: $filter) {\n    found\n    resolved\n    escalated\n    overdue\n    resolutionRate\n  }\n}": types.DisputeSummaryDocument,
    "fragment DisputeDetail on Dispute {\n  id\n  version\n  unit {\n    id\n    name\n    kind\n  }\n  category {\n    code\n    name\n  }\n  parties\n  headcount\n  summary\n  riskLevel\n  status\n  arisenOn\n  periodStart\n  reportedOn\n  resolveBy\n  resolvedOn\n  resolutionNote\n  isOverdue\n  isLinked\n  escalatedAt\n  escalatedByName\n  escalationNote\n  petition {\n    id\n    number\n    subject\n    status\n  }\n  history {\n    id\n    type\n    actorName\n    at\n    note\n  }\n  availableActions\n}\n\nquery Dispute($id: ID!) {\n  dispute(id: $id) {\n    ...DisputeDetail\n  }\n}": types.DisputeDetailFragmentDoc,
    "fragment DisputeRow on Dispute {\n  id\n  reportedOn\n  unit {\n    id\n    name\n    kind\n  }\n  category {\n    code\n    name\n  }\n  parties\n  headcount\n  summary\n  riskLevel\n  status\n  resolveBy\n  isOverdue\n  isLinked\n  petition {\n    id\n    number\n  }\n}\n\nquery Disputes($filter: DisputeFilter, $first: Int, $after: String) {\n  disputes(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        ...DisputeRow\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.DisputeRowFragmentDoc,
    "mutation EscalateDispute($id: ID!, $version: Int!, $note: String!) {\n  escalateDispute(id: $id, version: $version, note: $note) {\n    ...DisputeDetail\n  }\n}": types.EscalateDisputeDocument,
    "query ExportDisputes($filter: DisputeFilter) {\n  exportDisputes(filter: $filter) {\n    filename\n    contentType\n    rows\n    base64\n  }\n}": types.ExportDisputesDocument,
    "mutation LinkDisputeToPetition($disputeId: ID!, $petitionId: ID!, $version: Int!) {\n  linkDisputeToPetition(\n    disputeId: $disputeId\n    petitionId: $petitionId\n    version: $version\n  ) {\n    ...DisputeDetail\n  }\n}": types.LinkDisputeToPetitionDocument,
    "query LinkPetitionCandidates($filter: PetitionFilter) {\n  petitions(filter: $filter, first: 50) {\n    edges {\n      node {\n        id\n        number\n        subject\n        receivedAt\n        status\n        locationUnit {\n          name\n        }\n      }\n    }\n  }\n}": types.LinkPetitionCandidatesDocument,
    "mutation UpdateDispute($input: UpdateDisputeInput!) {\n  updateDispute(input: $input) {\n    ...DisputeDetail\n  }\n}": types.UpdateDisputeDocument,
    "mutation CorrectScreeningReport($input: CorrectScreeningReportInput!) {\n  correctScreeningReport(input: $input) {\n    ...ScreeningReportDetail\n  }\n}": types.CorrectScreeningReportDocument,
    "mutation ReviewScreeningReport($id: ID!, $version: Int!, $note: String) {\n  reviewScreeningReport(id: $id, version: $version, note: $note) {\n    ...ScreeningReportDetail\n  }\n}": types.ReviewScreeningReportDocument,
    "fragment ReportDispute on Dispute {\n  id\n  category {\n    code\n    name\n  }\n  parties\n  headcount\n  summary\n  riskLevel\n  status\n  arisenOn\n  resolveBy\n  isOverdue\n  isLinked\n  escalatedAt\n}\n\nfragment ScreeningReportDetail on ScreeningReport {\n  id\n  version\n  unit {\n    id\n    name\n    kind\n  }\n  periodStart\n  periodEnd\n  dueDate\n  status\n  isZeroReport\n  disputeCount\n  note\n  submittedOn\n  submittedByName\n  reviewedAt\n  reviewedByName\n  correctionCount\n  vetoEvidence\n  canCorrect\n  canReview\n  disputes {\n    ...ReportDispute\n  }\n  concealedDisputes {\n    ...ReportDispute\n  }\n  history {\n    id\n    type\n    actorName\n    at\n    note\n  }\n}\n\nquery ScreeningReport($id: ID!) {\n  screeningReport(id: $id) {\n    ...ScreeningReportDetail\n  }\n}": types.ReportDisputeFragmentDoc,
    "mutation CancelScreeningRule($id: ID!, $version: Int!) {\n  cancelScreeningRule(id: $id, version: $version)\n}": types.CancelScreeningRuleDocument,
    "mutation SetScreeningRule($input: ScreeningRuleInput!) {\n  setScreeningRule(input: $input) {\n    id\n    unitKind\n    cadence\n    dueAfterDays\n    effectiveFrom\n    version\n  }\n}": types.SetScreeningRuleDocument,
    "query ScreeningPeriods($unitId: ID!, $from: Date!, $to: Date!) {\n  screeningPeriods(unitId: $unitId, from: $from, to: $to) {\n    periodStart\n    periodEnd\n    dueDate\n    status\n    report {\n      id\n      isZeroReport\n      disputeCount\n      submittedOn\n      reviewedAt\n      correctionCount\n      canCorrect\n      vetoEvidence\n    }\n  }\n}": types.ScreeningPeriodsDocument,
    "query ScreeningRules {\n  screeningRules {\n    id\n    version\n    unitKind\n    cadence\n    dueAfterDays\n    effectiveFrom\n  }\n}": types.ScreeningRulesDocument,
    "mutation SubmitScreeningReport($input: SubmitScreeningReportInput!) {\n  submitScreeningReport(input: $input) {\n    id\n    periodStart\n    status\n    isZeroReport\n    disputeCount\n  }\n}": types.SubmitScreeningReportDocument,
    "mutation CreateUnit($input: CreateUnitInput!) {\n  createUnit(input: $input) {\n    ...TreeUnit\n  }\n}": types.CreateUnitDocument,
    "fragment TreeUnit on Unit {\n  id\n  name\n  kind\n  parentId\n  depth\n  sortOrder\n  version\n}\n\nquery Units($filter: UnitFilter) {\n  units(filter: $filter) {\n    ...TreeUnit\n  }\n}": types.TreeUnitFragmentDoc,
    "mutation UpdateUnit($id: ID!, $version: Int!, $input: UpdateUnitInput!) {\n  updateUnit(id: $id, version: $version, input: $input) {\n    ...TreeUnit\n  }\n}": types.UpdateUnitDocument,
    "mutation CreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    ...UserRow\n  }\n}": types.CreateUserDocument,
    "mutation ResetUserPassword($id: ID!, $version: Int!, $password: String!) {\n  resetUserPassword(id: $id, version: $version, password: $password) {\n    ...UserRow\n  }\n}": types.ResetUserPasswordDocument,
    "mutation UpdateUser($id: ID!, $version: Int!, $input: UpdateUserInput!) {\n  updateUser(id: $id, version: $version, input: $input) {\n    ...UserRow\n  }\n}": types.UpdateUserDocument,
    "fragment UserRow on User {\n  id\n  username\n  displayName\n  roles\n  active\n  lastLoginAt\n  version\n  unitId\n  unit {\n    id\n    name\n    kind\n  }\n}\n\nquery Users($filter: UserFilter, $first: Int, $after: String) {\n  users(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        ...UserRow\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}": types.UserRowFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n    token\n    expiresAt\n    rules\n    user {\n      ...SessionUser\n    }\n  }\n}"): (typeof documents)["mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n    token\n    expiresAt\n    rules\n    user {\n      ...SessionUser\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Logout {\n  logout\n}"): (typeof documents)["mutation Logout {\n  logout\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SessionUser on User {\n  id\n  username\n  displayName\n  roles\n  unitId\n  unit {\n    id\n    name\n    kind\n    countyId\n    townshipId\n    villageId\n    path {\n      id\n      name\n      kind\n    }\n  }\n}"): (typeof documents)["fragment SessionUser on User {\n  id\n  username\n  displayName\n  roles\n  unitId\n  unit {\n    id\n    name\n    kind\n    countyId\n    townshipId\n    villageId\n    path {\n      id\n      name\n      kind\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Login($username: String!, $password: String!) {\n  login(username: $username, password: $password) {\n    token\n    expiresAt\n    rules\n    user {\n      ...SessionUser\n    }\n  }\n}"): (typeof documents)["mutation Login($username: String!, $password: String!) {\n  login(username: $username, password: $password) {\n    token\n    expiresAt\n    rules\n    user {\n      ...SessionUser\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HolidayCalendar($year: Int!) {\n  holidayCalendar(year: $year) {\n    date\n    kind\n    name\n  }\n}"): (typeof documents)["query HolidayCalendar($year: Int!) {\n  holidayCalendar(year: $year) {\n    date\n    kind\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetCalendarDay($date: Date!, $kind: String!, $name: String!) {\n  setCalendarDay(date: $date, kind: $kind, name: $name) {\n    date\n    kind\n    name\n  }\n}"): (typeof documents)["mutation SetCalendarDay($date: Date!, $kind: String!, $name: String!) {\n  setCalendarDay(date: $date, kind: $kind, name: $name) {\n    date\n    kind\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query KeyMatterFigures($all: CaseFilter, $owned: CaseFilter, $notOwned: CaseFilter) {\n  all: keyMatters(filter: $all, first: 1) {\n    totalCount\n  }\n  owned: keyMatters(filter: $owned, first: 1) {\n    totalCount\n  }\n  notOwned: keyMatters(filter: $notOwned, first: 1) {\n    totalCount\n  }\n}\n\nquery BacklogFigures($all: CaseFilter, $owned: CaseFilter, $notOwned: CaseFilter) {\n  all: backlog(filter: $all, first: 1) {\n    totalCount\n  }\n  owned: backlog(filter: $owned, first: 1) {\n    totalCount\n  }\n  notOwned: backlog(filter: $notOwned, first: 1) {\n    totalCount\n  }\n}"): (typeof documents)["query KeyMatterFigures($all: CaseFilter, $owned: CaseFilter, $notOwned: CaseFilter) {\n  all: keyMatters(filter: $all, first: 1) {\n    totalCount\n  }\n  owned: keyMatters(filter: $owned, first: 1) {\n    totalCount\n  }\n  notOwned: keyMatters(filter: $notOwned, first: 1) {\n    totalCount\n  }\n}\n\nquery BacklogFigures($all: CaseFilter, $owned: CaseFilter, $notOwned: CaseFilter) {\n  all: backlog(filter: $all, first: 1) {\n    totalCount\n  }\n  owned: backlog(filter: $owned, first: 1) {\n    totalCount\n  }\n  notOwned: backlog(filter: $notOwned, first: 1) {\n    totalCount\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CaseListOptions {\n  units {\n    id\n    name\n    kind\n    parentId\n    sortOrder\n  }\n}"): (typeof documents)["query CaseListOptions {\n  units {\n    id\n    name\n    kind\n    parentId\n    sortOrder\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CaseListRow on Petition {\n  id\n  number\n  status\n  subject\n  isKeyMatter\n  isBacklog\n  ageDays\n  lastActionAt\n  locationUnit {\n    name\n  }\n  handlingUnit {\n    name\n  }\n  ownership {\n    isOwned\n    missing\n    leader {\n      id\n      displayName\n    }\n  }\n}\n\nquery KeyMatterList($filter: CaseFilter, $first: Int, $after: String) {\n  keyMatters(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        ...CaseListRow\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery BacklogList($filter: CaseFilter, $first: Int, $after: String) {\n  backlog(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        ...CaseListRow\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["fragment CaseListRow on Petition {\n  id\n  number\n  status\n  subject\n  isKeyMatter\n  isBacklog\n  ageDays\n  lastActionAt\n  locationUnit {\n    name\n  }\n  handlingUnit {\n    name\n  }\n  ownership {\n    isOwned\n    missing\n    leader {\n      id\n      displayName\n    }\n  }\n}\n\nquery KeyMatterList($filter: CaseFilter, $first: Int, $after: String) {\n  keyMatters(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        ...CaseListRow\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery BacklogList($filter: CaseFilter, $first: Int, $after: String) {\n  backlog(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        ...CaseListRow\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExportKeyMatters($filter: CaseFilter) {\n  exportKeyMatters(filter: $filter) {\n    filename\n    contentType\n    rows\n    base64\n  }\n}\n\nquery ExportBacklog($filter: CaseFilter) {\n  exportBacklog(filter: $filter) {\n    filename\n    contentType\n    rows\n    base64\n  }\n}"): (typeof documents)["query ExportKeyMatters($filter: CaseFilter) {\n  exportKeyMatters(filter: $filter) {\n    filename\n    contentType\n    rows\n    base64\n  }\n}\n\nquery ExportBacklog($filter: CaseFilter) {\n  exportBacklog(filter: $filter) {\n    filename\n    contentType\n    rows\n    base64\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MarkNotificationsRead($ids: [ID!]!) {\n  markNotificationsRead(ids: $ids)\n}"): (typeof documents)["mutation MarkNotificationsRead($ids: [ID!]!) {\n  markNotificationsRead(ids: $ids)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Notifications($unreadOnly: Boolean) {\n  notifications(unreadOnly: $unreadOnly) {\n    ...NotificationLine\n  }\n}\n\nfragment NotificationLine on Notification {\n  id\n  kind\n  dueOn\n  createdAt\n  read\n  petition {\n    id\n    number\n  }\n}"): (typeof documents)["query Notifications($unreadOnly: Boolean) {\n  notifications(unreadOnly: $unreadOnly) {\n    ...NotificationLine\n  }\n}\n\nfragment NotificationLine on Notification {\n  id\n  kind\n  dueOn\n  createdAt\n  read\n  petition {\n    id\n    number\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UnreadNotificationCount {\n  unreadNotificationCount\n}"): (typeof documents)["query UnreadNotificationCount {\n  unreadNotificationCount\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me {\n  me {\n    ...SessionUser\n  }\n}"): (typeof documents)["query Me {\n  me {\n    ...SessionUser\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UnitsBelow($unitId: ID!) {\n  units(filter: {subtreeOf: $unitId}) {\n    id\n    name\n    kind\n    parentId\n    depth\n    sortOrder\n  }\n}"): (typeof documents)["query UnitsBelow($unitId: ID!) {\n  units(filter: {subtreeOf: $unitId}) {\n    id\n    name\n    kind\n    parentId\n    depth\n    sortOrder\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcceptPetition($id: ID!, $version: Int!) {\n  acceptPetition(id: $id, version: $version) {\n    id\n    version\n    status\n  }\n}"): (typeof documents)["mutation AcceptPetition($id: ID!, $version: Int!) {\n  acceptPetition(id: $id, version: $version) {\n    id\n    version\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AnswerPetition($id: ID!, $version: Int!, $text: String!, $answeredAt: Date) {\n  answerPetition(id: $id, version: $version, text: $text, answeredAt: $answeredAt) {\n    id\n    version\n    status\n  }\n}"): (typeof documents)["mutation AnswerPetition($id: ID!, $version: Int!, $text: String!, $answeredAt: Date) {\n  answerPetition(id: $id, version: $version, text: $text, answeredAt: $answeredAt) {\n    id\n    version\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AssignPetition($id: ID!, $version: Int!, $handlingUnitId: ID!, $mode: AssignMode!) {\n  assignPetition(\n    id: $id\n    version: $version\n    handlingUnitId: $handlingUnitId\n    mode: $mode\n  ) {\n    id\n    version\n    status\n  }\n}"): (typeof documents)["mutation AssignPetition($id: ID!, $version: Int!, $handlingUnitId: ID!, $mode: AssignMode!) {\n  assignPetition(\n    id: $id\n    version: $version\n    handlingUnitId: $handlingUnitId\n    mode: $mode\n  ) {\n    id\n    version\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ClosePetition($id: ID!, $version: Int!, $settled: Boolean, $resolvedHarmoniously: Boolean, $note: String) {\n  closePetition(\n    id: $id\n    version: $version\n    settled: $settled\n    resolvedHarmoniously: $resolvedHarmoniously\n    note: $note\n  ) {\n    id\n    version\n    status\n  }\n}"): (typeof documents)["mutation ClosePetition($id: ID!, $version: Int!, $settled: Boolean, $resolvedHarmoniously: Boolean, $note: String) {\n  closePetition(\n    id: $id\n    version: $version\n    settled: $settled\n    resolvedHarmoniously: $resolvedHarmoniously\n    note: $note\n  ) {\n    id\n    version\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DecideExtension($id: ID!, $version: Int!, $approve: Boolean!, $note: String) {\n  decideExtension(id: $id, version: $version, approve: $approve, note: $note) {\n    id\n    version\n    status\n  }\n}"): (typeof documents)["mutation DecideExtension($id: ID!, $version: Int!, $approve: Boolean!, $note: String) {\n  decideExtension(id: $id, version: $version, approve: $approve, note: $note) {\n    id\n    version\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DecideReview($id: ID!, $version: Int!, $decision: String!, $hearingDays: Int) {\n  decideReview(\n    id: $id\n    version: $version\n    decision: $decision\n    hearingDays: $hearingDays\n  ) {\n    id\n    version\n    status\n  }\n}"): (typeof documents)["mutation DecideReview($id: ID!, $version: Int!, $decision: String!, $hearingDays: Int) {\n  decideReview(\n    id: $id\n    version: $version\n    decision: $decision\n    hearingDays: $hearingDays\n  ) {\n    id\n    version\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeclinePetition($id: ID!, $version: Int!, $reason: String!) {\n  declinePetition(id: $id, version: $version, reason: $reason) {\n    id\n    version\n    status\n  }\n}"): (typeof documents)["mutation DeclinePetition($id: ID!, $version: Int!, $reason: String!) {\n  declinePetition(id: $id, version: $version, reason: $reason) {\n    id\n    version\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FlagPetition($id: ID!, $version: Int!, $isKeyMatter: Boolean, $isBacklog: Boolean, $reason: String) {\n  flagPetition(\n    id: $id\n    version: $version\n    isKeyMatter: $isKeyMatter\n    isBacklog: $isBacklog\n    reason: $reason\n  ) {\n    id\n    version\n    isKeyMatter\n    isBacklog\n  }\n}"): (typeof documents)["mutation FlagPetition($id: ID!, $version: Int!, $isKeyMatter: Boolean, $isBacklog: Boolean, $reason: String) {\n  flagPetition(\n    id: $id\n    version: $version\n    isKeyMatter: $isKeyMatter\n    isBacklog: $isBacklog\n    reason: $reason\n  ) {\n    id\n    version\n    isKeyMatter\n    isBacklog\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HandlingUnits {\n  units(filter: {kinds: [DEPARTMENT, TOWNSHIP, BUREAU]}) {\n    id\n    name\n    kind\n    parentId\n    sortOrder\n  }\n}"): (typeof documents)["query HandlingUnits {\n  units(filter: {kinds: [DEPARTMENT, TOWNSHIP, BUREAU]}) {\n    id\n    name\n    kind\n    parentId\n    sortOrder\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InstructPetition($id: ID!, $version: Int!, $instruction: String!) {\n  instructPetition(id: $id, version: $version, instruction: $instruction) {\n    id\n    version\n    status\n  }\n}"): (typeof documents)["mutation InstructPetition($id: ID!, $version: Int!, $instruction: String!) {\n  instructPetition(id: $id, version: $version, instruction: $instruction) {\n    id\n    version\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation NotifyPetitioner($id: ID!, $version: Int!, $note: String, $sentAt: Date) {\n  notifyPetitioner(id: $id, version: $version, note: $note, sentAt: $sentAt) {\n    id\n    version\n    status\n  }\n}"): (typeof documents)["mutation NotifyPetitioner($id: ID!, $version: Int!, $note: String, $sentAt: Date) {\n  notifyPetitioner(id: $id, version: $version, note: $note, sentAt: $sentAt) {\n    id\n    version\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ObjectToAssignment($id: ID!, $version: Int!, $reason: String!) {\n  objectToAssignment(id: $id, version: $version, reason: $reason) {\n    id\n    version\n    status\n  }\n}"): (typeof documents)["mutation ObjectToAssignment($id: ID!, $version: Int!, $reason: String!) {\n  objectToAssignment(id: $id, version: $version, reason: $reason) {\n    id\n    version\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OwnershipOptions {\n  countyLeaders {\n    id\n    displayName\n  }\n  units(filter: {kinds: [DEPARTMENT, TOWNSHIP]}) {\n    id\n    name\n    kind\n    sortOrder\n  }\n}"): (typeof documents)["query OwnershipOptions {\n  countyLeaders {\n    id\n    displayName\n  }\n  units(filter: {kinds: [DEPARTMENT, TOWNSHIP]}) {\n    id\n    name\n    kind\n    sortOrder\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment PetitionDetail on Petition {\n  id\n  number\n  version\n  status\n  kind\n  channel\n  warning\n  receivedAt\n  headcount\n  isCollective\n  isInitial\n  isKeyMatter\n  isBacklog\n  isFinal\n  isSkipLevel\n  subject\n  content\n  answerText\n  answeredAt\n  declineReason\n  respondentName\n  receiptCode\n  satisfaction\n  extensionStatus\n  extensionDays\n  handlingMode\n  petitioner {\n    name\n    idNumber\n    phone\n    address\n  }\n  category {\n    code\n    name\n  }\n  locationUnit {\n    id\n    name\n    kind\n  }\n  handlingUnit {\n    id\n    name\n    kind\n  }\n  respondentUnit {\n    id\n    name\n    kind\n  }\n  repeatOf {\n    id\n    number\n  }\n  deadlines {\n    acceptBy\n    noticeBy\n    answerBy\n    objectionBy\n    appealRequestBy\n    reviewBy\n    current\n  }\n  timeline {\n    id\n    type\n    actorName\n    at\n    fromStatus\n    toStatus\n    note\n    handlingUnit\n  }\n  disputes {\n    id\n    summary\n    status\n    riskLevel\n    reportedOn\n    unit {\n      name\n    }\n  }\n  availableActions\n  ageDays\n  resolvedHarmoniously\n  keyMatterReason\n  canSetOwnership\n  canFlag\n  ownership {\n    isOwned\n    missing\n    leader {\n      id\n      displayName\n    }\n    unit {\n      id\n      name\n      kind\n    }\n    resolutionPlan\n    resolutionPlanOn\n    stabilityPlan\n    stabilityPlanOn\n  }\n}\n\nquery Petition($id: ID!) {\n  petition(id: $id) {\n    ...PetitionDetail\n  }\n}"): (typeof documents)["fragment PetitionDetail on Petition {\n  id\n  number\n  version\n  status\n  kind\n  channel\n  warning\n  receivedAt\n  headcount\n  isCollective\n  isInitial\n  isKeyMatter\n  isBacklog\n  isFinal\n  isSkipLevel\n  subject\n  content\n  answerText\n  answeredAt\n  declineReason\n  respondentName\n  receiptCode\n  satisfaction\n  extensionStatus\n  extensionDays\n  handlingMode\n  petitioner {\n    name\n    idNumber\n    phone\n    address\n  }\n  category {\n    code\n    name\n  }\n  locationUnit {\n    id\n    name\n    kind\n  }\n  handlingUnit {\n    id\n    name\n    kind\n  }\n  respondentUnit {\n    id\n    name\n    kind\n  }\n  repeatOf {\n    id\n    number\n  }\n  deadlines {\n    acceptBy\n    noticeBy\n    answerBy\n    objectionBy\n    appealRequestBy\n    reviewBy\n    current\n  }\n  timeline {\n    id\n    type\n    actorName\n    at\n    fromStatus\n    toStatus\n    note\n    handlingUnit\n  }\n  disputes {\n    id\n    summary\n    status\n    riskLevel\n    reportedOn\n    unit {\n      name\n    }\n  }\n  availableActions\n  ageDays\n  resolvedHarmoniously\n  keyMatterReason\n  canSetOwnership\n  canFlag\n  ownership {\n    isOwned\n    missing\n    leader {\n      id\n      displayName\n    }\n    unit {\n      id\n      name\n      kind\n    }\n    resolutionPlan\n    resolutionPlanOn\n    stabilityPlan\n    stabilityPlanOn\n  }\n}\n\nquery Petition($id: ID!) {\n  petition(id: $id) {\n    ...PetitionDetail\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RateAnswer($id: ID!, $version: Int!, $satisfaction: Satisfaction!) {\n  rateAnswer(id: $id, version: $version, satisfaction: $satisfaction) {\n    id\n    version\n    status\n  }\n}"): (typeof documents)["mutation RateAnswer($id: ID!, $version: Int!, $satisfaction: Satisfaction!) {\n  rateAnswer(id: $id, version: $version, satisfaction: $satisfaction) {\n    id\n    version\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordFollowUp($id: ID!, $version: Int!, $note: String!, $settled: Boolean) {\n  recordFollowUp(id: $id, version: $version, note: $note, settled: $settled) {\n    id\n    version\n    status\n  }\n}"): (typeof documents)["mutation RecordFollowUp($id: ID!, $version: Int!, $note: String!, $settled: Boolean) {\n  recordFollowUp(id: $id, version: $version, note: $note, settled: $settled) {\n    id\n    version\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestExtension($id: ID!, $version: Int!, $days: Int!, $reason: String!) {\n  requestExtension(id: $id, version: $version, days: $days, reason: $reason) {\n    id\n    version\n    status\n  }\n}"): (typeof documents)["mutation RequestExtension($id: ID!, $version: Int!, $days: Int!, $reason: String!) {\n  requestExtension(id: $id, version: $version, days: $days, reason: $reason) {\n    id\n    version\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestReview($id: ID!, $version: Int!, $requestedAt: Date) {\n  requestReview(id: $id, version: $version, requestedAt: $requestedAt) {\n    id\n    version\n    status\n  }\n}"): (typeof documents)["mutation RequestReview($id: ID!, $version: Int!, $requestedAt: Date) {\n  requestReview(id: $id, version: $version, requestedAt: $requestedAt) {\n    id\n    version\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetCaseOwnership($petitionId: ID!, $input: CaseOwnershipInput!) {\n  setCaseOwnership(petitionId: $petitionId, input: $input) {\n    id\n    version\n    ownership {\n      isOwned\n      missing\n    }\n  }\n}"): (typeof documents)["mutation SetCaseOwnership($petitionId: ID!, $input: CaseOwnershipInput!) {\n  setCaseOwnership(petitionId: $petitionId, input: $input) {\n    id\n    version\n    ownership {\n      isOwned\n      missing\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IntakeUnits {\n  units {\n    id\n    name\n    kind\n    parentId\n    sortOrder\n  }\n}"): (typeof documents)["query IntakeUnits {\n  units {\n    id\n    name\n    kind\n    parentId\n    sortOrder\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PetitionCategories {\n  petitionCategories {\n    code\n    name\n  }\n}"): (typeof documents)["query PetitionCategories {\n  petitionCategories {\n    code\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PetitionMatches($input: PetitionMatchInput!) {\n  petitionMatches(input: $input) {\n    reasons\n    sameMatter\n    petition {\n      id\n      number\n      subject\n      receivedAt\n      status\n    }\n  }\n}"): (typeof documents)["query PetitionMatches($input: PetitionMatchInput!) {\n  petitionMatches(input: $input) {\n    reasons\n    sameMatter\n    petition {\n      id\n      number\n      subject\n      receivedAt\n      status\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProposeHandlingUnit($categoryCode: String!, $kind: PetitionKind!, $locationUnitId: ID!) {\n  proposeHandlingUnit(\n    categoryCode: $categoryCode\n    kind: $kind\n    locationUnitId: $locationUnitId\n  ) {\n    id\n    name\n    kind\n  }\n}"): (typeof documents)["query ProposeHandlingUnit($categoryCode: String!, $kind: PetitionKind!, $locationUnitId: ID!) {\n  proposeHandlingUnit(\n    categoryCode: $categoryCode\n    kind: $kind\n    locationUnitId: $locationUnitId\n  ) {\n    id\n    name\n    kind\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegisterPetition($input: RegisterPetitionInput!) {\n  registerPetition(input: $input) {\n    id\n    number\n    receiptCode\n  }\n}"): (typeof documents)["mutation RegisterPetition($input: RegisterPetitionInput!) {\n  registerPetition(input: $input) {\n    id\n    number\n    receiptCode\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExportPetitionList($filter: PetitionFilter) {\n  exportPetitions(filter: $filter) {\n    filename\n    contentType\n    rows\n    base64\n  }\n}"): (typeof documents)["query ExportPetitionList($filter: PetitionFilter) {\n  exportPetitions(filter: $filter) {\n    filename\n    contentType\n    rows\n    base64\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PetitionListOptions {\n  petitionCategories {\n    code\n    name\n  }\n  units {\n    id\n    name\n    kind\n    parentId\n    sortOrder\n  }\n}"): (typeof documents)["query PetitionListOptions {\n  petitionCategories {\n    code\n    name\n  }\n  units {\n    id\n    name\n    kind\n    parentId\n    sortOrder\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment PetitionListRow on Petition {\n  id\n  number\n  status\n  kind\n  channel\n  receivedAt\n  headcount\n  isCollective\n  subject\n  category {\n    name\n  }\n  locationUnit {\n    name\n  }\n  handlingUnit {\n    name\n  }\n  deadlines {\n    current\n  }\n  warning\n  isKeyMatter\n  isBacklog\n  extensionStatus\n}\n\nquery PetitionList($filter: PetitionFilter, $first: Int, $after: String) {\n  petitions(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        ...PetitionListRow\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["fragment PetitionListRow on Petition {\n  id\n  number\n  status\n  kind\n  channel\n  receivedAt\n  headcount\n  isCollective\n  subject\n  category {\n    name\n  }\n  locationUnit {\n    name\n  }\n  handlingUnit {\n    name\n  }\n  deadlines {\n    current\n  }\n  warning\n  isKeyMatter\n  isBacklog\n  extensionStatus\n}\n\nquery PetitionList($filter: PetitionFilter, $first: Int, $after: String) {\n  petitions(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        ...PetitionListRow\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyWorkCounts {\n  red: petitions(filter: {mine: true, warning: [RED]}, first: 1) {\n    totalCount\n  }\n  yellow: petitions(filter: {mine: true, warning: [YELLOW]}, first: 1) {\n    totalCount\n  }\n  none: petitions(filter: {mine: true, warning: [NONE]}, first: 1) {\n    totalCount\n  }\n}"): (typeof documents)["query MyWorkCounts {\n  red: petitions(filter: {mine: true, warning: [RED]}, first: 1) {\n    totalCount\n  }\n  yellow: petitions(filter: {mine: true, warning: [YELLOW]}, first: 1) {\n    totalCount\n  }\n  none: petitions(filter: {mine: true, warning: [NONE]}, first: 1) {\n    totalCount\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ScreeningReminders {\n  screeningReminders {\n    unit {\n      id\n      name\n      kind\n    }\n    periodStart\n    periodEnd\n    dueDate\n    status\n    daysLeft\n    own\n  }\n}"): (typeof documents)["query ScreeningReminders {\n  screeningReminders {\n    unit {\n      id\n      name\n      kind\n    }\n    periodStart\n    periodEnd\n    dueDate\n    status\n    daysLeft\n    own\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PetitionByReceipt($code: String!) {\n  petitionByReceipt(code: $code) {\n    id\n    number\n    version\n    status\n    receivedAt\n    acceptedAt\n    answeredAt\n    closedAt\n    satisfaction\n    canRate\n    deadlines {\n      acceptBy\n      noticeBy\n      answerBy\n      objectionBy\n      appealRequestBy\n      reviewBy\n      current\n    }\n  }\n}"): (typeof documents)["query PetitionByReceipt($code: String!) {\n  petitionByReceipt(code: $code) {\n    id\n    number\n    version\n    status\n    receivedAt\n    acceptedAt\n    answeredAt\n    closedAt\n    satisfaction\n    canRate\n    deadlines {\n      acceptBy\n      noticeBy\n      answerBy\n      objectionBy\n      appealRequestBy\n      reviewBy\n      current\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RateByReceipt($id: ID!, $version: Int!, $satisfaction: Satisfaction!, $receiptCode: String!) {\n  rateAnswer(\n    id: $id\n    version: $version\n    satisfaction: $satisfaction\n    receiptCode: $receiptCode\n  ) {\n    id\n    version\n  }\n}"): (typeof documents)["mutation RateByReceipt($id: ID!, $version: Int!, $satisfaction: Satisfaction!, $receiptCode: String!) {\n  rateAnswer(\n    id: $id\n    version: $version\n    satisfaction: $satisfaction\n    receiptCode: $receiptCode\n  ) {\n    id\n    version\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ScreeningCompliance($month: String!, $scopeUnitId: ID!) {\n  screeningCompliance(month: $month, scopeUnitId: $scopeUnitId) {\n    unit {\n      id\n      name\n      kind\n    }\n    parentId\n    cadence\n    expected\n    due\n    submitted\n    late\n    missing\n    vetoEvidence\n    periods {\n      periodStart\n      periodEnd\n      dueDate\n      status\n      report {\n        id\n        isZeroReport\n        disputeCount\n        vetoEvidence\n        reviewedAt\n      }\n    }\n  }\n}"): (typeof documents)["query ScreeningCompliance($month: String!, $scopeUnitId: ID!) {\n  screeningCompliance(month: $month, scopeUnitId: $scopeUnitId) {\n    unit {\n      id\n      name\n      kind\n    }\n    parentId\n    cadence\n    expected\n    due\n    submitted\n    late\n    missing\n    vetoEvidence\n    periods {\n      periodStart\n      periodEnd\n      dueDate\n      status\n      report {\n        id\n        isZeroReport\n        disputeCount\n        vetoEvidence\n        reviewedAt\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DisputeSummary($filter: DisputeFilter) {\n  disputeSummary(filter: $filter) {\n    found\n    resolved\n    escalated\n    overdue\n    resolutionRate\n  }\n}"): (typeof documents)["query DisputeSummary($filter: DisputeFilter) {\n  disputeSummary(filter: $filter) {\n    found\n    resolved\n    escalated\n    overdue\n    resolutionRate\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment DisputeDetail on Dispute {\n  id\n  version\n  unit {\n    id\n    name\n    kind\n  }\n  category {\n    code\n    name\n  }\n  parties\n  headcount\n  summary\n  riskLevel\n  status\n  arisenOn\n  periodStart\n  reportedOn\n  resolveBy\n  resolvedOn\n  resolutionNote\n  isOverdue\n  isLinked\n  escalatedAt\n  escalatedByName\n  escalationNote\n  petition {\n    id\n    number\n    subject\n    status\n  }\n  history {\n    id\n    type\n    actorName\n    at\n    note\n  }\n  availableActions\n}\n\nquery Dispute($id: ID!) {\n  dispute(id: $id) {\n    ...DisputeDetail\n  }\n}"): (typeof documents)["fragment DisputeDetail on Dispute {\n  id\n  version\n  unit {\n    id\n    name\n    kind\n  }\n  category {\n    code\n    name\n  }\n  parties\n  headcount\n  summary\n  riskLevel\n  status\n  arisenOn\n  periodStart\n  reportedOn\n  resolveBy\n  resolvedOn\n  resolutionNote\n  isOverdue\n  isLinked\n  escalatedAt\n  escalatedByName\n  escalationNote\n  petition {\n    id\n    number\n    subject\n    status\n  }\n  history {\n    id\n    type\n    actorName\n    at\n    note\n  }\n  availableActions\n}\n\nquery Dispute($id: ID!) {\n  dispute(id: $id) {\n    ...DisputeDetail\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment DisputeRow on Dispute {\n  id\n  reportedOn\n  unit {\n    id\n    name\n    kind\n  }\n  category {\n    code\n    name\n  }\n  parties\n  headcount\n  summary\n  riskLevel\n  status\n  resolveBy\n  isOverdue\n  isLinked\n  petition {\n    id\n    number\n  }\n}\n\nquery Disputes($filter: DisputeFilter, $first: Int, $after: String) {\n  disputes(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        ...DisputeRow\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["fragment DisputeRow on Dispute {\n  id\n  reportedOn\n  unit {\n    id\n    name\n    kind\n  }\n  category {\n    code\n    name\n  }\n  parties\n  headcount\n  summary\n  riskLevel\n  status\n  resolveBy\n  isOverdue\n  isLinked\n  petition {\n    id\n    number\n  }\n}\n\nquery Disputes($filter: DisputeFilter, $first: Int, $after: String) {\n  disputes(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        ...DisputeRow\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EscalateDispute($id: ID!, $version: Int!, $note: String!) {\n  escalateDispute(id: $id, version: $version, note: $note) {\n    ...DisputeDetail\n  }\n}"): (typeof documents)["mutation EscalateDispute($id: ID!, $version: Int!, $note: String!) {\n  escalateDispute(id: $id, version: $version, note: $note) {\n    ...DisputeDetail\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExportDisputes($filter: DisputeFilter) {\n  exportDisputes(filter: $filter) {\n    filename\n    contentType\n    rows\n    base64\n  }\n}"): (typeof documents)["query ExportDisputes($filter: DisputeFilter) {\n  exportDisputes(filter: $filter) {\n    filename\n    contentType\n    rows\n    base64\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LinkDisputeToPetition($disputeId: ID!, $petitionId: ID!, $version: Int!) {\n  linkDisputeToPetition(\n    disputeId: $disputeId\n    petitionId: $petitionId\n    version: $version\n  ) {\n    ...DisputeDetail\n  }\n}"): (typeof documents)["mutation LinkDisputeToPetition($disputeId: ID!, $petitionId: ID!, $version: Int!) {\n  linkDisputeToPetition(\n    disputeId: $disputeId\n    petitionId: $petitionId\n    version: $version\n  ) {\n    ...DisputeDetail\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LinkPetitionCandidates($filter: PetitionFilter) {\n  petitions(filter: $filter, first: 50) {\n    edges {\n      node {\n        id\n        number\n        subject\n        receivedAt\n        status\n        locationUnit {\n          name\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query LinkPetitionCandidates($filter: PetitionFilter) {\n  petitions(filter: $filter, first: 50) {\n    edges {\n      node {\n        id\n        number\n        subject\n        receivedAt\n        status\n        locationUnit {\n          name\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateDispute($input: UpdateDisputeInput!) {\n  updateDispute(input: $input) {\n    ...DisputeDetail\n  }\n}"): (typeof documents)["mutation UpdateDispute($input: UpdateDisputeInput!) {\n  updateDispute(input: $input) {\n    ...DisputeDetail\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CorrectScreeningReport($input: CorrectScreeningReportInput!) {\n  correctScreeningReport(input: $input) {\n    ...ScreeningReportDetail\n  }\n}"): (typeof documents)["mutation CorrectScreeningReport($input: CorrectScreeningReportInput!) {\n  correctScreeningReport(input: $input) {\n    ...ScreeningReportDetail\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReviewScreeningReport($id: ID!, $version: Int!, $note: String) {\n  reviewScreeningReport(id: $id, version: $version, note: $note) {\n    ...ScreeningReportDetail\n  }\n}"): (typeof documents)["mutation ReviewScreeningReport($id: ID!, $version: Int!, $note: String) {\n  reviewScreeningReport(id: $id, version: $version, note: $note) {\n    ...ScreeningReportDetail\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ReportDispute on Dispute {\n  id\n  category {\n    code\n    name\n  }\n  parties\n  headcount\n  summary\n  riskLevel\n  status\n  arisenOn\n  resolveBy\n  isOverdue\n  isLinked\n  escalatedAt\n}\n\nfragment ScreeningReportDetail on ScreeningReport {\n  id\n  version\n  unit {\n    id\n    name\n    kind\n  }\n  periodStart\n  periodEnd\n  dueDate\n  status\n  isZeroReport\n  disputeCount\n  note\n  submittedOn\n  submittedByName\n  reviewedAt\n  reviewedByName\n  correctionCount\n  vetoEvidence\n  canCorrect\n  canReview\n  disputes {\n    ...ReportDispute\n  }\n  concealedDisputes {\n    ...ReportDispute\n  }\n  history {\n    id\n    type\n    actorName\n    at\n    note\n  }\n}\n\nquery ScreeningReport($id: ID!) {\n  screeningReport(id: $id) {\n    ...ScreeningReportDetail\n  }\n}"): (typeof documents)["fragment ReportDispute on Dispute {\n  id\n  category {\n    code\n    name\n  }\n  parties\n  headcount\n  summary\n  riskLevel\n  status\n  arisenOn\n  resolveBy\n  isOverdue\n  isLinked\n  escalatedAt\n}\n\nfragment ScreeningReportDetail on ScreeningReport {\n  id\n  version\n  unit {\n    id\n    name\n    kind\n  }\n  periodStart\n  periodEnd\n  dueDate\n  status\n  isZeroReport\n  disputeCount\n  note\n  submittedOn\n  submittedByName\n  reviewedAt\n  reviewedByName\n  correctionCount\n  vetoEvidence\n  canCorrect\n  canReview\n  disputes {\n    ...ReportDispute\n  }\n  concealedDisputes {\n    ...ReportDispute\n  }\n  history {\n    id\n    type\n    actorName\n    at\n    note\n  }\n}\n\nquery ScreeningReport($id: ID!) {\n  screeningReport(id: $id) {\n    ...ScreeningReportDetail\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CancelScreeningRule($id: ID!, $version: Int!) {\n  cancelScreeningRule(id: $id, version: $version)\n}"): (typeof documents)["mutation CancelScreeningRule($id: ID!, $version: Int!) {\n  cancelScreeningRule(id: $id, version: $version)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetScreeningRule($input: ScreeningRuleInput!) {\n  setScreeningRule(input: $input) {\n    id\n    unitKind\n    cadence\n    dueAfterDays\n    effectiveFrom\n    version\n  }\n}"): (typeof documents)["mutation SetScreeningRule($input: ScreeningRuleInput!) {\n  setScreeningRule(input: $input) {\n    id\n    unitKind\n    cadence\n    dueAfterDays\n    effectiveFrom\n    version\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ScreeningPeriods($unitId: ID!, $from: Date!, $to: Date!) {\n  screeningPeriods(unitId: $unitId, from: $from, to: $to) {\n    periodStart\n    periodEnd\n    dueDate\n    status\n    report {\n      id\n      isZeroReport\n      disputeCount\n      submittedOn\n      reviewedAt\n      correctionCount\n      canCorrect\n      vetoEvidence\n    }\n  }\n}"): (typeof documents)["query ScreeningPeriods($unitId: ID!, $from: Date!, $to: Date!) {\n  screeningPeriods(unitId: $unitId, from: $from, to: $to) {\n    periodStart\n    periodEnd\n    dueDate\n    status\n    report {\n      id\n      isZeroReport\n      disputeCount\n      submittedOn\n      reviewedAt\n      correctionCount\n      canCorrect\n      vetoEvidence\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ScreeningRules {\n  screeningRules {\n    id\n    version\n    unitKind\n    cadence\n    dueAfterDays\n    effectiveFrom\n  }\n}"): (typeof documents)["query ScreeningRules {\n  screeningRules {\n    id\n    version\n    unitKind\n    cadence\n    dueAfterDays\n    effectiveFrom\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubmitScreeningReport($input: SubmitScreeningReportInput!) {\n  submitScreeningReport(input: $input) {\n    id\n    periodStart\n    status\n    isZeroReport\n    disputeCount\n  }\n}"): (typeof documents)["mutation SubmitScreeningReport($input: SubmitScreeningReportInput!) {\n  submitScreeningReport(input: $input) {\n    id\n    periodStart\n    status\n    isZeroReport\n    disputeCount\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateUnit($input: CreateUnitInput!) {\n  createUnit(input: $input) {\n    ...TreeUnit\n  }\n}"): (typeof documents)["mutation CreateUnit($input: CreateUnitInput!) {\n  createUnit(input: $input) {\n    ...TreeUnit\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment TreeUnit on Unit {\n  id\n  name\n  kind\n  parentId\n  depth\n  sortOrder\n  version\n}\n\nquery Units($filter: UnitFilter) {\n  units(filter: $filter) {\n    ...TreeUnit\n  }\n}"): (typeof documents)["fragment TreeUnit on Unit {\n  id\n  name\n  kind\n  parentId\n  depth\n  sortOrder\n  version\n}\n\nquery Units($filter: UnitFilter) {\n  units(filter: $filter) {\n    ...TreeUnit\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateUnit($id: ID!, $version: Int!, $input: UpdateUnitInput!) {\n  updateUnit(id: $id, version: $version, input: $input) {\n    ...TreeUnit\n  }\n}"): (typeof documents)["mutation UpdateUnit($id: ID!, $version: Int!, $input: UpdateUnitInput!) {\n  updateUnit(id: $id, version: $version, input: $input) {\n    ...TreeUnit\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    ...UserRow\n  }\n}"): (typeof documents)["mutation CreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    ...UserRow\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResetUserPassword($id: ID!, $version: Int!, $password: String!) {\n  resetUserPassword(id: $id, version: $version, password: $password) {\n    ...UserRow\n  }\n}"): (typeof documents)["mutation ResetUserPassword($id: ID!, $version: Int!, $password: String!) {\n  resetUserPassword(id: $id, version: $version, password: $password) {\n    ...UserRow\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateUser($id: ID!, $version: Int!, $input: UpdateUserInput!) {\n  updateUser(id: $id, version: $version, input: $input) {\n    ...UserRow\n  }\n}"): (typeof documents)["mutation UpdateUser($id: ID!, $version: Int!, $input: UpdateUserInput!) {\n  updateUser(id: $id, version: $version, input: $input) {\n    ...UserRow\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment UserRow on User {\n  id\n  username\n  displayName\n  roles\n  active\n  lastLoginAt\n  version\n  unitId\n  unit {\n    id\n    name\n    kind\n  }\n}\n\nquery Users($filter: UserFilter, $first: Int, $after: String) {\n  users(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        ...UserRow\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}"): (typeof documents)["fragment UserRow on User {\n  id\n  username\n  displayName\n  roles\n  active\n  lastLoginAt\n  version\n  unitId\n  unit {\n    id\n    name\n    kind\n  }\n}\n\nquery Users($filter: UserFilter, $first: Int, $after: String) {\n  users(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        ...UserRow\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;