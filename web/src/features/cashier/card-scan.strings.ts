import { registerTranslations } from '../../app/i18n.ts';

/** The words of the camera reading a member card's QR at the cashier (CardScanner.tsx). */
registerTranslations('cashier', {
  id: {
    scan: {
      title: 'Pindai kartu anggota',
      video: 'Kamera',
      starting: 'Membuka kamera…',
      aim: 'Arahkan kamera ke kode QR di kartu anggota.',
      notCard: 'Kode QR ini bukan kartu anggota. Arahkan ke QR di kartu anggota.',
      unknown: 'Kartu {{code}} bukan anggota aktif di daftar perangkat ini.',
      close: 'Tutup',
      problem: {
        denied:
          'Izin kamera ditolak. Izinkan kamera untuk situs ini di pengaturan browser, atau ketik nomor anggota.',
        noCamera:
          'Kamera tidak tersedia di perangkat atau halaman ini. Ketik nomor anggota, nomor HP, atau nama.',
        failed:
          'Kamera tidak dapat dibuka. Tutup aplikasi lain yang memakai kamera, atau ketik nomor anggota.',
      },
    },
  },
  en: {
    scan: {
      title: 'Scan member card',
      video: 'Camera',
      starting: 'Opening the camera…',
      aim: "Point the camera at the QR code on the member's card.",
      notCard: "This QR code is not a member card. Point at the QR on the member's card.",
      unknown: 'Card {{code}} is not an active member in the list on this device.',
      close: 'Close',
      problem: {
        denied:
          'Camera permission was refused. Allow the camera for this site in the browser settings, or type the member number.',
        noCamera:
          'No camera is available on this device or page. Type the member number, phone number or name.',
        failed:
          'The camera could not be opened. Close other apps using the camera, or type the member number.',
      },
    },
  },
});
