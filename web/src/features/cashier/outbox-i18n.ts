import { registerTranslations } from '../../app/i18n.ts';

registerTranslations('cashier', {
  id: {
    outboxTitle: 'Penjualan di perangkat ini',
    syncOffline:
      'Tidak ada koneksi: {{count}} penjualan menunggu, tersimpan aman di perangkat. Dicoba lagi dalam {{seconds}} detik.',
    syncSignedOut: '{{count}} penjualan menunggu: masuk lagi untuk mengirimnya.',
    syncSending: 'Mengirim {{count}} penjualan…',
    syncAllSent: 'Semua penjualan sudah terkirim.',
    outboxCounts: 'Menunggu {{waiting}} · terkirim {{sent}} · ditolak {{refused}}',
    refusedTitle: '{{count}} penjualan ditolak server — periksa dan catat ulang bila perlu',
    dismiss: 'Hapus',
    dismissRefused: 'Hapus penjualan ditolak {{amount}}',
    state_waiting: 'Menunggu',
    state_sent: 'Terkirim',
    state_refused: 'Ditolak',
    offlineData: 'Luring: harga dan stok per {{when}}',
  },
  en: {
    outboxTitle: 'Sales on this device',
    syncOffline:
      'No connection: {{count}} sales waiting, kept safe on the device. Retrying in {{seconds}} s.',
    syncSignedOut: '{{count}} sales waiting: sign in again to send them.',
    syncSending: 'Sending {{count}} sales…',
    syncAllSent: 'Every sale has been sent.',
    outboxCounts: 'Waiting {{waiting}} · sent {{sent}} · refused {{refused}}',
    refusedTitle: '{{count}} sales refused by the server — check them and re-enter if needed',
    dismiss: 'Remove',
    dismissRefused: 'Remove refused sale {{amount}}',
    state_waiting: 'Waiting',
    state_sent: 'Sent',
    state_refused: 'Refused',
    offlineData: 'Offline: prices and stock as of {{when}}',
  },
});
