import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SignedInContext } from '../../common/context.js';
import { Petition, readablePetition } from '../petition/index.js';
import { Notification } from './notification.entity.js';
import { NotificationService } from './notification.service.js';

@Resolver(() => Notification)
export class NotificationResolver {
  private readonly inbox = new NotificationService();

  @Authorized()
  @Query(() => [Notification], { description: 'The caller’s unit’s inbox, newest first (at most 100).' })
  notifications(@Ctx() ctx: SignedInContext, @Arg('unreadOnly', () => Boolean, { nullable: true }) unreadOnly?: boolean) {
    return this.inbox.list(ctx, unreadOnly ?? false);
  }

  @Authorized()
  @Query(() => Int, { description: 'How many of the unit’s notifications the caller has not read (the header’s badge).' })
  unreadNotificationCount(@Ctx() ctx: SignedInContext) {
    return this.inbox.unreadCount(ctx);
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Marks notifications of the caller’s unit read for the caller; answers how many were newly read.' })
  markNotificationsRead(@Ctx() ctx: SignedInContext, @Arg('ids', () => [ID]) ids: string[]) {
    return this.inbox.markRead(ctx, ids);
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Marks every notification of the caller’s unit read for the caller (全部标为已读); answers how many were newly read.' })
  markAllNotificationsRead(@Ctx() ctx: SignedInContext) {
    return this.inbox.markAllRead(ctx);
  }

  @FieldResolver(() => Boolean, { description: 'The caller has read it.' })
  read(@Ctx() ctx: SignedInContext, @Root() n: Notification) {
    return this.inbox.isRead(ctx, n);
  }

  @FieldResolver(() => Petition, { nullable: true, description: 'The petition it is about, when the caller may read it.' })
  petition(@Ctx() ctx: SignedInContext, @Root() n: Notification) {
    return n.petitionId ? readablePetition(ctx, n.petitionId) : null;
  }
}
