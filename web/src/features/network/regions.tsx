import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { Field } from '../../ui/forms.tsx';
import './strings.ts';

const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2})?)?$/;
const VILLAGE_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

/** The official regions right below `parent` (the provinces without one); none for an unknown or empty parent. */
export function useRegions(parent: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['regions', parent ?? ''],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/regions', { params: { query: parent ? { parent } : {} } }))
        .items,
    enabled: enabled && (parent === undefined || REGION_CODE.test(parent)),
    staleTime: Infinity,
    retry: false,
  });
}

/**
 * The official names of a village code and the areas above it (`Simpang IV Sipin`, `Telanaipura`,
 * `KOTA JAMBI`); `unknown` once the lists say no such village exists.
 */
export function useVillage(code: string) {
  const valid = VILLAGE_CODE.test(code);
  const regencies = useRegions(code.slice(0, 2), valid);
  const districts = useRegions(code.slice(0, 5), valid && regencies.isSuccess);
  const villages = useRegions(code.slice(0, 8), valid && districts.isSuccess);
  const village = villages.data?.find((v) => v.code === code);
  if (!valid) return { valid, village: undefined, unknown: false };
  const failed = regencies.isError || districts.isError || villages.isError;
  return {
    valid,
    village: village && {
      name: village.name,
      district: districts.data?.find((d) => d.code === code.slice(0, 8))?.name ?? '',
      regency: regencies.data?.find((r) => r.code === code.slice(0, 5))?.name ?? '',
    },
    unknown: failed || (villages.isSuccess && !village),
  };
}

/** The name of a region code the lists know (province, regency or city, district), if any. */
export function useRegionName(code: string): string | undefined {
  const parent = code.length > 2 ? code.slice(0, code.length - 3) : undefined;
  const list = useRegions(parent, REGION_CODE.test(code));
  return list.data?.find((r) => r.code === code)?.name;
}

/**
 * A Kemendagri region chosen level by level (province, then optionally its regency or city and a
 * district), or typed as its code: `value` is the code, the lists follow it.
 */
export function RegionPicker({
  value,
  onChange,
  error,
  path,
}: {
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
  /** The code's JSON path in the request body, for the server's message (see `Field`). */
  path?: string;
}) {
  const { t } = useTranslation('network', { keyPrefix: 'region' });
  const province = value.slice(0, 2);
  const regency = value.length >= 5 ? value.slice(0, 5) : '';
  const district = value.length >= 8 ? value.slice(0, 8) : '';
  const provinces = useRegions(undefined);
  const regencies = useRegions(province, province.length === 2);
  const districts = useRegions(regency, regency.length === 5);
  const name = useRegionName(value);
  const unknown = !!value && REGION_CODE.test(value) && name === undefined;
  const lists = [provinces, regencies, districts];
  const settled = lists.every((q) => !q.isFetching);
  return (
    <>
      <div className="form-row">
        <Level
          label={t('province')}
          empty={t('choose')}
          value={province}
          list={provinces.data}
          onChoose={onChange}
        />
        <Level
          label={t('regency')}
          empty={t('all')}
          value={regency}
          list={regencies.data}
          onChoose={(code) => onChange(code || province)}
        />
        <Level
          label={t('district')}
          empty={t('all')}
          value={district}
          list={districts.data}
          onChoose={(code) => onChange(code || regency)}
        />
      </div>
      <Field
        label={t('code')}
        error={error ?? (unknown && settled ? t('unknown') : undefined)}
        hint={name ? `${value} — ${name}` : settled ? t('codeHint') : t('loading')}
        path={path}
      >
        <input
          value={value}
          inputMode="decimal"
          maxLength={8}
          onChange={(e) => onChange(e.target.value.trim())}
        />
      </Field>
    </>
  );
}

/** One level's list (disabled until it has loaded); `onChoose` gets the chosen code ('' for none). */
function Level({
  label,
  empty,
  value,
  list,
  onChoose,
}: {
  label: string;
  empty: string;
  value: string;
  list: { code: string; name: string }[] | undefined;
  onChoose: (code: string) => void;
}) {
  return (
    <Field label={label}>
      <select value={value} disabled={!list} onChange={(e) => onChoose(e.target.value)}>
        <option value="">{empty}</option>
        {list?.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </select>
    </Field>
  );
}
