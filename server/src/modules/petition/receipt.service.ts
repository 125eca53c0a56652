import type { EntityManager } from '@mikro-orm/postgresql';
import type { Satisfaction } from '@xinfang/domain';
import { notFound, badInput } from '../../common/errors.js';
import { isUuid } from '../../common/input.js';
import { expectVersion } from '../../common/write.js';
import { calendarOf } from '../calendar/index.js';
import { Petition } from './petition.entity.js';
import { canRate, deadlinesOf, today } from './petition.rules.js';
import { appendEvent } from './timeline.service.js';

/**
 * The public receipt page (信访工作条例 art. 21): the one path that reads petitions WITHOUT a
 * caller's scope, because the petitioner has no account — the receipt code is the credential. It is
 * its own trust boundary (eslint.config.js names this file as the exception to the scoped reads):
 * it answers the stage and the dates and nothing personal, and the only write it takes is the
 * petitioner's own rating of the answer. A wrong code is NOT_FOUND, like a missing petition.
 */
export class ReceiptService {
  /** The public receipt page: by code alone; the stage and the dates, nothing personal. */
  async byReceipt(em: EntityManager, code: string) {
    const normalised = code.trim().toUpperCase().replace(/[^A-Z0-9]/g, '');
    if (normalised.length !== 10) throw notFound('Receipt');
    const petition = await em.findOne(Petition, { receiptCode: `${normalised.slice(0, 5)}-${normalised.slice(5)}` });
    if (!petition) throw notFound('Receipt');
    const calendar = await calendarOf(em, petition.countyId);
    return {
      id: petition.id,
      number: petition.number,
      version: petition.version,
      status: petition.status,
      receivedAt: petition.receivedAt,
      deadlines: deadlinesOf(petition, calendar),
      acceptedAt: petition.acceptedAt,
      answeredAt: petition.answeredAt,
      closedAt: petition.closedAt,
      satisfaction: petition.satisfaction,
      canRate: canRate(petition),
    };
  }

  /**
   * The petitioner rates with the receipt code alone (信访工作条例 art. 21); answers the petition as
   * it now stands (read afresh, outside the transaction's identity map).
   */
  async rateByReceipt(em: EntityManager, id: string, version: number, receiptCode: string, satisfaction: Satisfaction): Promise<Petition> {
    await em.transactional(async (tx) => {
      const code = receiptCode.trim().toUpperCase();
      const p = isUuid(id) ? await tx.findOne(Petition, { id, receiptCode: code }) : null;
      if (!p) throw notFound('Receipt');
      expectVersion(p, version);
      if (!canRate(p)) throw badInput('The answer has been rated already, or is not out yet.', { reason: 'NOT_RATEABLE' });
      const from = p.status;
      p.satisfaction = satisfaction;
      p.ratedAt = today();
      await appendEvent(tx, {
        petitionId: p.id,
        countyId: p.countyId,
        type: 'RATED',
        actorUserId: null,
        actorUnitId: null,
        actorName: '信访人',
        fromStatus: from,
        toStatus: p.status,
        data: { satisfaction, via: 'RECEIPT' },
      });
    });
    const rated = await em.fork().findOne(Petition, { id });
    if (!rated) throw notFound('Receipt');
    return rated;
  }
}
