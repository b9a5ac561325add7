import { registerTranslations } from '../../app/i18n.ts';

/** The words of the hub admin's organizations screen: government bodies and payroll employers. */
registerTranslations('organizations', {
  id: {
    title: 'Organisasi',
    intro:
      'Dinas, Pemkot (sponsor program) dan pemberi kerja (pemotong gaji) yang bekerja dengan jaringan. Penggunanya dibuat di halaman Pengguna.',
    kind: 'Jenis',
    kind_government: 'Pemerintah',
    kind_employer: 'Pemberi kerja',
    name: 'Nama',
    nameHint: 'Mis. Dinas Koperasi dan UKM Kota Jambi',
    region: 'Wilayah',
    regionCode: 'Kode wilayah',
    add: 'Tambah organisasi',
    newOrganization: 'Organisasi baru',
    submit: 'Simpan organisasi',
    saving: 'Menyimpan…',
    close: 'Tutup',
    saved: '{{name}} ({{region}}) tersimpan.',
    addUsers: 'Tambah pengguna',
    required: 'Wajib diisi',
    empty: 'Belum ada organisasi.',
    filter: 'Saring (nama, wilayah)',
  },
  en: {
    title: 'Organizations',
    intro:
      'Cooperative offices (Dinas), city governments (program sponsors) and payroll employers the network works with. Their users are created on the Users screen.',
    kind: 'Kind',
    kind_government: 'Government',
    kind_employer: 'Employer',
    name: 'Name',
    nameHint: 'E.g. Dinas Koperasi dan UKM Kota Jambi',
    region: 'Region',
    regionCode: 'Region code',
    add: 'Add organization',
    newOrganization: 'New organization',
    submit: 'Save organization',
    saving: 'Saving…',
    close: 'Close',
    saved: '{{name}} ({{region}}) saved.',
    addUsers: 'Add users',
    required: 'Required',
    empty: 'No organizations yet.',
    filter: 'Filter (name, region)',
  },
});
