import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A file to download.' })
export class ExportFile {
  @Field()
  filename!: string;

  @Field()
  contentType!: string;

  @Field(() => Int)
  rows!: number;

  @Field({ description: 'The file, base64-encoded.' })
  base64!: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * An Excel ledger (台账) as the download every export answers: `<name>-<day>.xlsx`, its row count and
 * the file. The rows come from `scopedExport` (common/access.ts), which refuses a filter too large
 * for one file rather than shortening it.
 */
export const workbookFile = (name: string, day: string, rows: number, file: Buffer): ExportFile => ({
  filename: `${name}-${day}.xlsx`,
  contentType: XLSX,
  rows,
  base64: file.toString('base64'),
});
