import { useTranslation } from 'react-i18next';
import { registerTranslations } from '../../app/i18n.ts';
import { todayWib } from '../../ui/format.ts';

/** The words of the RAT pack's download links. */
registerTranslations('ratPack', {
  id: {
    title: 'Paket RAT',
    pdf: 'Unduh paket RAT (PDF)',
    xlsx: 'Unduh paket RAT (XLSX)',
    hint: 'Laporan keuangan dengan pembanding, catatan, pembagian SHU, SHU per anggota, dan lembar pengesahan. Sebelum tahun buku ditutup, paketnya draf dan ditandai begitu di setiap halaman.',
    notEnded:
      'Paket RAT tahun {{year}} tersedia mulai 1 Januari {{next}}, setelah tahun buku berakhir.',
  },
  en: {
    title: 'RAT pack',
    pdf: 'Download the RAT pack (PDF)',
    xlsx: 'Download the RAT pack (XLSX)',
    hint: 'The statements with comparatives, notes, the SHU split, each member’s SHU and the signatures page. Before the year is closed the pack is a draft, marked so on every page.',
    notEnded:
      'The {{year}} RAT pack is available from 1 January {{next}}, once the fiscal year has ended.',
  },
});

/** The URL of a cooperative's RAT pack of `year` (the session cookie authenticates the download). */
export function ratPackUrl(coopId: string, year: number, format: 'pdf' | 'xlsx'): string {
  return `/api/v1/cooperatives/${encodeURIComponent(coopId)}/fiscal-years/${year}/rat-pack?format=${format}`;
}

/**
 * The members' annual meeting pack of a fiscal year as PDF and XLSX downloads;
 * a year not yet ended says from when the pack can be had instead.
 */
export function RatPackLinks({ coopId, year }: { coopId: string; year: number }) {
  const { t } = useTranslation('ratPack');
  const ended = todayWib() > `${year}-12-31`;
  return (
    <section aria-labelledby="rat-pack-title">
      <h3 id="rat-pack-title">
        {t('title')} {year}
      </h3>
      {ended ? (
        <>
          <p className="downloads">
            <a
              className="button secondary"
              href={ratPackUrl(coopId, year, 'pdf')}
              target="_blank"
              rel="noopener"
            >
              {t('pdf')}
            </a>{' '}
            <a className="button secondary" href={ratPackUrl(coopId, year, 'xlsx')} download>
              {t('xlsx')}
            </a>
          </p>
          <p className="muted">{t('hint')}</p>
        </>
      ) : (
        <p className="muted">{t('notEnded', { year, next: year + 1 })}</p>
      )}
    </section>
  );
}
