import { describe, expect, it } from 'vitest';
import { checkMerchantForm, merchantBody, type MerchantForm } from './qris-merchant.ts';

const FORM: MerchantForm = {
  nmid: ' id1026157100001 ',
  mcc: '5411',
  name: 'KDKMP Simpang IV Sipin',
  city: 'KOTA JAMBI',
  postalCode: '',
  criteria: 'UMI',
};

describe('QRIS merchant form', () => {
  it('accepts valid data and sends it trimmed, the NMID upper-case, no empty postal code', () => {
    expect(checkMerchantForm(FORM)).toEqual({});
    expect(merchantBody(FORM)).toEqual({ ...FORM, nmid: 'ID1026157100001', postalCode: null });
  });

  it('marks each field that a QRIS cannot carry', () => {
    expect(
      checkMerchantForm({
        nmid: 'ID-1026',
        mcc: '541',
        name: 'Koperasi Desa Merah Putih Sipin',
        city: 'Jambi — Kota',
        postalCode: '3612',
        criteria: 'UMI',
      }),
    ).toEqual({ nmid: true, mcc: true, name: true, city: true, postalCode: true });
    expect(checkMerchantForm({ ...FORM, name: '  ', nmid: 'A'.repeat(26) })).toEqual({
      name: true,
      nmid: true,
    });
  });
});
