import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  checkSavingsRight,
  endMembership,
  getMemberSavings,
  getSavingsRules,
  listSavingsArrears,
  recordSavings,
  runWajibBilling,
  setSavingsRules,
} from '../../../core/members/index.ts';
import { authorize } from '../../authorize.ts';
import { runForCooperative } from '../../command.ts';
import { renderPassbookPdf } from '../../pdf/passbook.ts';
import { problems, withExample } from '../../schemas.ts';
import { PdfBytes } from '../settlement/settlement.schemas.ts';
import {
  endMembershipExample,
  memberSavingsExample,
  passbookPdfExample,
  recordSavingsExample,
  savingsArrearsExample,
  savingsRulesExample,
  setSavingsRulesExample,
  wajibBillingExample,
} from './savings.examples.ts';
import {
  CooperativeParams,
  EndMembershipBody,
  EndedMembership,
  MemberParams,
  MemberSavings,
  RecordSavingsBody,
  SavingsArrears,
  SavingsRules,
  SavingsTransaction,
  SetSavingsRulesBody,
  WajibBilling,
  WajibBillingBody,
} from './savings.schemas.ts';

/**
 * A cooperative's members' savings (simpanan): the AD/ART's amounts, each
 * deposit and withdrawal posted in the cooperative's books, the passbook,
 * the monthly wajib billing and who is in arrears, and the end of a
 * membership (everything paid back). The manager does all; the cashier takes
 * deposits and reads; the hub admin reads.
 */
export const savingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/cooperatives/:id/savings-rules',
    {
      schema: {
        operationId: 'getSavingsRules',
        tags: ['members'],
        summary: 'The pokok and monthly wajib in force today, and every rule with its date',
        params: CooperativeParams,
        response: { 200: withExample(SavingsRules, savingsRulesExample), ...problems(404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      return getSavingsRules(deps.db, deps.clock, id);
    },
  );

  app.put(
    '/api/v1/cooperatives/:id/savings-rules',
    {
      schema: {
        operationId: 'setSavingsRules',
        tags: ['members'],
        summary:
          'Set the AD/ART’s pokok (once per member) and monthly wajib from a date; the same date again replaces that rule',
        params: CooperativeParams,
        body: withExample(SetSavingsRulesBody, setSavingsRulesExample),
        response: { 200: SavingsRules, ...problems(404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const rules = await runForCooperative(request, id, (db, ctx) =>
        setSavingsRules(db, ctx, id, request.body),
      );
      request.auditTarget = { type: 'savings_rule', id: request.body.effectiveFrom };
      return rules;
    },
  );

  app.post(
    '/api/v1/cooperatives/:id/members/:memberId/savings',
    {
      schema: {
        operationId: 'recordSavings',
        tags: ['members'],
        summary:
          'A deposit or withdrawal of a member’s savings, posted in the cooperative’s books; only sukarela is withdrawn while a member (409 InvalidState), never beyond the balance (409 InsufficientSavings); pokok up to the pokok in force (422 SavingsRuleExceeded); cashiers take deposits only; the same id again answers the same transaction (200)',
        params: MemberParams,
        body: withExample(RecordSavingsBody, recordSavingsExample),
        response: { 200: SavingsTransaction, 201: SavingsTransaction, ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { id, memberId } = request.params;
      const result = await runForCooperative(request, id, (db, ctx) => {
        checkSavingsRight(request.auth ?? { memberships: [] }, id, request.body.direction);
        return recordSavings(db, ctx, id, memberId, request.body);
      });
      request.auditTarget = { type: 'savings_transaction', id: result.id };
      const { created, ...tx } = result;
      return reply.code(created ? 201 : 200).send(tx);
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/members/:memberId/savings',
    {
      schema: {
        operationId: 'getMemberSavings',
        tags: ['members'],
        summary:
          'A member’s balance of each kind, the pokok still due, the wajib in arrears and every transaction (newest first) with its kind’s balance after it',
        params: MemberParams,
        response: { 200: withExample(MemberSavings, memberSavingsExample), ...problems(404) },
      },
    },
    async (request) => {
      const { id, memberId } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      const { member: _member, ...savings } = await getMemberSavings(
        deps.db,
        deps.clock,
        id,
        memberId,
      );
      return savings;
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/members/:memberId/passbook.pdf',
    {
      schema: {
        operationId: 'getMemberPassbook',
        tags: ['members'],
        summary:
          'The member’s buku simpanan as PDF: every transaction with debit, credit and balance, and the balances of getMemberSavings',
        params: MemberParams,
        response: {
          200: {
            description: 'The passbook (application/pdf)',
            content: { 'application/pdf': { schema: PdfBytes, example: passbookPdfExample } },
          },
          ...problems(404),
        },
      },
    },
    async (request, reply) => {
      const { id, memberId } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      const pdf = await renderPassbookPdf(deps.db, deps.clock, id, memberId);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="buku-simpanan-${pdf.memberNo}.pdf"`)
        .send(pdf.bytes);
    },
  );

  app.post(
    '/api/v1/cooperatives/:id/savings/billing',
    {
      schema: {
        operationId: 'runWajibBilling',
        tags: ['members'],
        summary:
          'Bill a month’s wajib: every member active on its first day and joined by its last is billed the wajib in force on its first day, once per member and month (a second run bills nobody)',
        params: CooperativeParams,
        body: withExample(WajibBillingBody, wajibBillingExample),
        response: { 200: WajibBilling, ...problems(404, 422) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const result = await runForCooperative(request, id, (db, ctx) =>
        runWajibBilling(db, ctx, id, request.body),
      );
      request.auditTarget = { type: 'wajib_billing', id: result.month };
      return result;
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/savings/arrears',
    {
      schema: {
        operationId: 'listSavingsArrears',
        tags: ['members'],
        summary:
          'The active members whose wajib bills exceed their wajib deposits: months and amount, a WhatsApp reminder link each, and the list as one message for the members’ group',
        params: CooperativeParams,
        response: { 200: withExample(SavingsArrears, savingsArrearsExample), ...problems(404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      return listSavingsArrears(deps.db, deps.clock, id);
    },
  );

  app.post(
    '/api/v1/cooperatives/:id/members/:memberId/end',
    {
      schema: {
        operationId: 'endMembership',
        tags: ['members'],
        summary:
          'End a membership (left or deceased): every pokok, wajib and sukarela balance is paid back as withdrawals, then the member saves no more and buys as a non-member; the same id again answers the same result',
        params: MemberParams,
        body: withExample(EndMembershipBody, endMembershipExample),
        response: { 200: EndedMembership, ...problems(404, 409, 422) },
      },
    },
    async (request) => {
      const { id, memberId } = request.params;
      const { created: _created, ...ended } = await runForCooperative(request, id, (db, ctx) =>
        endMembership(db, ctx, id, memberId, request.body),
      );
      request.auditTarget = { type: 'member', id: memberId };
      return ended;
    },
  );
};
