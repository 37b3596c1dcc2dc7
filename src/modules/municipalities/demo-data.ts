import { sql } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';

/**
 * Invented contact details for a few municipalities, so the site can be tried out. Loaded only
 * with `npm run demo` or OPENDEUR_DEMO=1; every page shows them as an example.
 */
const DEMO_MUNICIPALITIES = [
  {
    code: 'GM0363',
    visitAddress: 'Amstel 1, Amsterdam (voorbeeld)',
    visitHours: 'ma–vr 8.30–17.00 bij de balie; daarna bij de portier',
    phone: '020 000 0000',
    email: 'burgemeester@voorbeeld.invalid',
    confidentialAdviserName: null,
    confidentialAdviserPhone: null,
    confidentialAdviserEmail: null,
  },
  {
    code: 'GM0599',
    visitAddress: 'Coolsingel 40, Rotterdam (voorbeeld)',
    visitHours: 'ma–vr 9.00–17.00',
    phone: '010 000 0000',
    email: 'burgemeester@voorbeeld.invalid',
    confidentialAdviserName: 'Sam de Vries (voorbeeld)',
    confidentialAdviserPhone: '06 0000 0000',
    confidentialAdviserEmail: 'vertrouwenspersoon@voorbeeld.invalid',
  },
  {
    code: 'GM1991',
    visitAddress: 'Mondriaanplein 15, Uden (voorbeeld)',
    visitHours: 'ma–do 9.00–16.30, vr 9.00–12.30',
    phone: '0413 000 000',
    email: null,
    confidentialAdviserName: null,
    confidentialAdviserPhone: null,
    confidentialAdviserEmail: null,
  },
] as const;

/** Makes the demo municipalities active with their invented contact routes. */
export async function loadDemoData(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      INSERT INTO municipality_contact_routes (municipality_code, visit_address, visit_hours, phone, email,
        confidential_adviser_name, confidential_adviser_phone, confidential_adviser_email, is_example)
      SELECT *, true FROM jsonb_to_recordset(${JSON.stringify(DEMO_MUNICIPALITIES)}::jsonb) AS r(
        code text, "visitAddress" text, "visitHours" text, phone text, email text,
        "confidentialAdviserName" text, "confidentialAdviserPhone" text, "confidentialAdviserEmail" text)
      ON CONFLICT (municipality_code) DO NOTHING`);
    await tx.execute(sql`
      UPDATE municipalities SET participation = 'active', is_example = true, updated_at = now()
      WHERE code IN (SELECT municipality_code FROM municipality_contact_routes WHERE is_example)
        AND participation = 'not_participating'`);
  });
}

/** Removes what demo data added, so a normal start never shows invented details. */
export async function removeDemoData(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      UPDATE municipalities SET participation = 'not_participating', is_example = false, updated_at = now()
      WHERE is_example`);
    await tx.execute(sql`DELETE FROM municipality_contact_routes WHERE is_example`);
  });
}
