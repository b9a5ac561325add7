import { api } from '../../app/api.ts';
import { answerOf } from './answer.ts';
import { storeDepositOutcome, waitingDeposits } from './deposit-outbox.ts';
import { depositOutcome } from './savings-deposit.ts';

/**
 * Sends the waiting savings deposits, oldest first, one request each (recordSavings, with the
 * deposit's client id: a resend is the same deposit). Stops at the first failed link or lost
 * session; a refused deposit keeps the server's reason and the next one is sent.
 */
export async function sendDeposits(coopId: string): Promise<'done' | 'offline' | 'signedOut'> {
  for (const d of await waitingDeposits(coopId)) {
    const answer = await answerOf(() =>
      api.POST('/api/v1/cooperatives/{id}/members/{memberId}/savings', {
        params: { path: { id: coopId, memberId: d.member.id } },
        body: d.deposit,
      }),
    );
    const outcome = depositOutcome(answer);
    if (outcome.state === 'offline' || outcome.state === 'signedOut') return outcome.state;
    await storeDepositOutcome(d.id, outcome);
  }
  return 'done';
}
