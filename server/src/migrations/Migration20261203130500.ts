import { Migration } from '@mikro-orm/migrations';

/**
 * A petition's free text as a reader who may not know who petitioned sees it: the same replacement
 * as `withoutPetitioner` in petition/redact.ts (longest identity value first, values shorter than two
 * characters left alone), so that such a reader's search matches only what it can see.
 */
export class Migration20261203130500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create or replace function petition_text_without_petitioner(t text, name text, id_number text, phone text, address text)
returns text language plpgsql immutable parallel safe as $fn$
declare
  needle text;
  result text := t;
begin
  if t is null then return null; end if;
  for needle in
    select v from unnest(array[btrim(id_number), btrim(phone), btrim(address), btrim(name)]) with ordinality as u(v, o)
     where char_length(coalesce(v, '')) >= 2
     order by char_length(v) desc, o
  loop
    result := replace(result, needle, '***');
  end loop;
  return result;
end
$fn$;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop function if exists petition_text_without_petitioner(text, text, text, text, text);');
  }

}
