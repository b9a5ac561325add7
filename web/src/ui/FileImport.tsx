import { useState, type FormEvent } from 'react';
import { DataTable, type Column } from './DataTable.tsx';
import { Field, SubmitRow } from './forms.tsx';

/** The media type of an XLSX file, for the file input's `accept`. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The words of an import form, in the reader's language. */
export interface FileImportTexts {
  title: string;
  hint: string;
  template: string;
  file: string;
  needFile: string;
  submit: string;
  importing: string;
}

/**
 * A CSV or XLSX file sent as it is: a sample file of the expected columns
 * (`template`, saved as `templateName`), the file field (refused empty, next
 * to the field) and the submit row with the server's error. `onPick` tells
 * the caller a new file was chosen (to clear an earlier answer).
 */
export function FileImportForm({
  titleId,
  texts,
  template,
  templateName,
  run,
  onSubmit,
  onPick,
  close,
}: {
  titleId: string;
  texts: FileImportTexts;
  template: string;
  templateName: string;
  run: { error: unknown; isPending: boolean };
  onSubmit: (file: File) => void;
  onPick: () => void;
  close?: { label: string; onClick: () => void };
}) {
  const [file, setFile] = useState<File>();
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!file);
    if (file) onSubmit(file);
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{texts.title}</h2>
      <p className="muted">{texts.hint}</p>
      <p>
        <a
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(template)}`}
          download={templateName}
        >
          {texts.template}
        </a>
      </p>
      <Field label={texts.file} error={missing ? texts.needFile : undefined}>
        <input
          type="file"
          accept={`.csv,.xlsx,text/csv,${XLSX_TYPE}`}
          onChange={(e) => {
            setFile(e.target.files?.[0]);
            setMissing(false);
            onPick();
          }}
        />
      </Field>
      <SubmitRow
        error={run.error}
        pending={run.isPending}
        label={texts.submit}
        busyLabel={texts.importing}
        {...(close ? { close } : {})}
      />
    </form>
  );
}

/** The rows an import refused: the row's number in the file and each reason, as a list. */
export function RejectedRows({
  rows,
  texts,
  reason,
  pageSize,
}: {
  rows: readonly { row: number; errors: readonly string[] }[];
  texts: { row: string; reasons: string; empty: string };
  reason: (text: string) => string;
  pageSize?: number;
}) {
  type Rejected = (typeof rows)[number];
  const columns: Column<Rejected>[] = [
    { id: 'row', header: texts.row, numeric: true, accessorFn: (r) => r.row },
    {
      id: 'reasons',
      header: texts.reasons,
      enableSorting: false,
      accessorFn: (r) => r.errors.map(reason).join('; '),
      cell: (c) => (
        <ul className="reason-list">
          {c.row.original.errors.map((x) => (
            <li key={x} className="wrap">
              {reason(x)}
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <DataTable
      data={[...rows]}
      columns={columns}
      empty={texts.empty}
      {...(pageSize ? { pageSize } : {})}
    />
  );
}
