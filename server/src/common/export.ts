import ExcelJS from 'exceljs';
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

/**
 * A ledger's workbook: one sheet named like the ledger, its header row bold and frozen, and the
 * download it becomes once the rows are written.
 */
export function ledgerSheet(name: string, columns: Array<{ header: string; key: string; width: number }>) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'xinfang';
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  return {
    sheet,
    file: async (day: string, rows: number): Promise<ExportFile> => workbookFile(name, day, rows, Buffer.from(await workbook.xlsx.writeBuffer())),
  };
}
