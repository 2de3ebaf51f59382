/**
 * Adds money and goods to the large generated clinic (`npm run seed:large` runs it too): 600,000
 * invoices, 2,000,000 ledger entries, 400 goods in 3 warehouses and 200,000 stock movements.
 * Generated once (marker `money-seeded.json`); writes go straight to the database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../electron/core/db/database';
import { loadDeviceIdentity } from '../../electron/core/config';
import { CATALOG_V1_DEFAULTS, type CatalogItem } from '../../shared/domain/catalog';
import type { Invoice } from '../../shared/domain/invoices';
import type { LedgerEntry } from '../../shared/domain/ledger';
import type { StockMovement } from '../../shared/domain/stock';
import { LARGE, LARGE_DIR, seedLargeClinic } from './large-clinic';

export const MONEY = {
  invoices: 600_000,
  ledger: 2_000_000,
  goods: 400,
  warehouses: 3,
  stock: 200_000,
};

function id(prefix: number, n: number): string {
  return `0190${String(prefix).padStart(4, '0')}-0000-7000-8000-${String(n).padStart(12, '0')}`;
}

export async function seedLargeMoney(dir = LARGE_DIR, log = console.log): Promise<string> {
  await seedLargeClinic(dir, log);
  const marker = path.join(dir, 'money-seeded.json');
  if (fs.existsSync(marker)) return dir;
  const device = loadDeviceIdentity(dir);
  const { db } = await openDatabase({ dataDir: dir, storage: 'sqlite' });
  const started = Date.now();
  let clock = Date.parse('2024-03-20T05:00:00.000Z');
  // Distinct timestamps, as real writes have.
  const stamp = () => new Date((clock += 37)).toISOString();
  const base = (docId: string) => {
    const at = stamp();
    return {
      id: docId,
      centerId: device.centerId,
      createdAt: at,
      updatedAt: at,
      updatedBy: 'seed',
      deviceId: 'seed',
    };
  };
  const day = (n: number) =>
    new Date(Date.parse(`${LARGE.firstDay}T00:00:00Z`) + (n % LARGE.days) * 86_400_000)
      .toISOString()
      .slice(0, 10);
  const patient = (n: number) => id(2, (n * 7919) % LARGE.patients);
  const BATCH = 5_000;

  const catalog: CatalogItem[] = [];
  for (let w = 0; w < MONEY.warehouses; w++) {
    catalog.push({
      ...base(id(10, w)),
      ...CATALOG_V1_DEFAULTS,
      kind: 'warehouse',
      name: `انبار ${w + 1}`,
      description: '',
      active: true,
      departmentId: '',
      priceRial: 0,
      durationMin: 0,
      prepaymentRequired: false,
      sortKey: `w${w}`,
    });
  }
  for (let g = 0; g < MONEY.goods; g++) {
    catalog.push({
      ...base(id(11, g)),
      ...CATALOG_V1_DEFAULTS,
      kind: 'good',
      name: `کالای ${g + 1}`,
      barcode: String(6_260_000_000 + g),
      unit: 'عدد',
      reorderLevel: 20,
      description: '',
      active: true,
      departmentId: '',
      priceRial: 50_000 + g * 1_000,
      durationMin: 0,
      prepaymentRequired: false,
      sortKey: `g${g}`,
    });
  }
  await db.catalog.bulkInsert(catalog);

  for (let start = 0; start < MONEY.invoices; start += BATCH) {
    const batch: Invoice[] = [];
    for (let n = start; n < Math.min(MONEY.invoices, start + BATCH); n++) {
      const due = 300_000 + (n % 17) * 50_000;
      batch.push({
        ...base(id(12, n)),
        kind: 'service',
        patientId: patient(n),
        appointmentId: '',
        basicInsurerId: '',
        supplementaryInsurerId: '',
        lines: [
          {
            kind: 'service',
            itemId: id(13, 0),
            title: 'ویزیت',
            qty: 1,
            unitPriceRial: due,
            basicShareRial: 0,
            supplementaryShareRial: 0,
            discountRial: 0,
            discountReason: '',
            patientRial: due,
          },
        ],
        grossRial: due,
        insurersRial: 0,
        discountRial: 0,
        dueRial: due,
        issuedOn: day(n),
        status: 'issued',
        voidReason: '',
        deliveredBy: '',
        deliveredAt: '',
        number: `1-${n + 1}`,
      });
    }
    await db.invoices.bulkInsert(batch);
  }
  log(`invoices: ${MONEY.invoices} in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  for (let start = 0; start < MONEY.ledger; start += BATCH) {
    const batch: LedgerEntry[] = [];
    for (let n = start; n < Math.min(MONEY.ledger, start + BATCH); n++) {
      const inv = n % MONEY.invoices;
      const kind = n % 10 === 9 ? 'deposit' : n % 25 === 0 ? 'refund' : 'payment';
      batch.push({
        ...base(id(14, n)),
        kind,
        patientId: patient(inv),
        invoiceId: kind === 'payment' ? id(12, inv) : '',
        amountRial: kind === 'refund' ? 50_000 : 150_000,
        method: n % 3 === 0 ? 'card' : 'cash',
        reference: n % 3 === 0 ? `POS-${n}` : '',
        boxId: '',
        cashierId: `cashier-${n % 6}`,
        day: day(inv),
        note: '',
        countedRial: 0,
        expectedRial: 0,
      });
    }
    await db.ledger.bulkInsert(batch);
  }
  log(`ledger: ${MONEY.ledger} in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  for (let start = 0; start < MONEY.stock; start += BATCH) {
    const batch: StockMovement[] = [];
    for (let n = start; n < Math.min(MONEY.stock, start + BATCH); n++) {
      const receive = n % 4 === 0;
      batch.push({
        ...base(id(15, n)),
        kind: receive ? 'receive' : 'sale',
        goodId: id(11, n % MONEY.goods),
        warehouseId: id(10, n % MONEY.warehouses),
        qtyDelta: receive ? 40 : -3,
        reason: '',
        supplier: receive ? 'پخش البرز' : '',
        refId: '',
        transferId: '',
        day: day(n),
      });
    }
    await db.stock.bulkInsert(batch);
  }
  log(`stock: ${MONEY.stock} in ${((Date.now() - started) / 1000).toFixed(0)} s total`);
  await db.close();
  fs.writeFileSync(marker, JSON.stringify({ ...MONEY, at: new Date().toISOString() }, null, 2));
  return dir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await seedLargeMoney();
  console.log(`large clinic with money ready in ${LARGE_DIR}`);
}
