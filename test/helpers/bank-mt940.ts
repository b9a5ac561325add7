/** A bank movement of a test statement. */
export interface Movement {
  date: string;
  mark: 'C' | 'D';
  amount: number;
  ref?: string;
  remark: string;
}

export const ACCOUNT = '1100012345678';

/** An MT940 file of the hub's account: one statement per day, balances that add up. */
export function mt940(moves: Movement[], opening = 50_000_000): string {
  const yymmdd = (d: string) => d.slice(2).replace(/-/g, '');
  const days = [...new Set(moves.map((m) => m.date))].sort();
  let balance = opening;
  const out: string[] = [];
  days.forEach((day, i) => {
    out.push(`:20:UJI${yymmdd(day)}`, `:25:${ACCOUNT}`, `:28C:${i + 1}/1`);
    out.push(`:60F:C${yymmdd(day)}IDR${balance},00`);
    for (const m of moves.filter((x) => x.date === day)) {
      out.push(
        `:61:${yymmdd(day)}${day.slice(5, 7)}${day.slice(8)}${m.mark}${m.amount},00NTRFNONREF${m.ref ? `//${m.ref}` : ''}`,
      );
      out.push(`:86:${m.remark}`);
      balance += m.mark === 'C' ? m.amount : -m.amount;
    }
    out.push(`:62F:C${yymmdd(day)}IDR${balance},00`, '-');
  });
  return out.join('\r\n') + '\r\n';
}
