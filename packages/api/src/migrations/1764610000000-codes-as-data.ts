import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Issue 15, codes rather than sentences. A1: an activity entry's detail as a code with its facts
 * (`detail_code`, `detail_params` JSON) beside its English text. B3: a SKU's unit as data (CORE_PACK, DEVICE, VM_INSTANCE, VCPU and a size), so each
 * language words it ("16-core pack", "16코어 팩") instead of showing the English SKU name. The
 * demo catalog's SKUs are filled in from their names; any other SKU keeps null and its name.
 */
const KNOWN: ReadonlyArray<readonly [namePrefix: string, unit: string, size: string]> = [
  ['16-core pack', 'CORE_PACK', '16'],
  ['2-core pack', 'CORE_PACK', '2'],
  ['Perpetual, 2-core pack', 'CORE_PACK', '2'],
  ['Perpetual, 1 device', 'DEVICE', '1'],
  ['Per device', 'DEVICE', '1'],
  ['D2s v5', 'VM_INSTANCE', 'D2s v5'],
  ['1–2 vCPU', 'VCPU', '1–2'],
  ['1–4 vCPU', 'VCPU', '1–4'],
];

export class CodesAsData1764610000000 implements MigrationInterface {
  name = 'CodesAsData1764610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('skus', [
      new TableColumn({ name: 'unit', type: 'varchar', length: '32', isNullable: true }),
      new TableColumn({ name: 'unit_size', type: 'varchar', length: '32', isNullable: true }),
    ]);
    await q.addColumns('activity_log', [
      new TableColumn({ name: 'detail_code', type: 'varchar', length: '40', isNullable: true }),
      new TableColumn({ name: 'detail_params', type: 'varchar', length: '600', isNullable: true }),
    ]);
    for (const [prefix, unit, size] of KNOWN) {
      await q.query('UPDATE skus SET unit = ?, unit_size = ? WHERE name LIKE ? AND unit IS NULL', [
        unit,
        size,
        `${prefix}%`,
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('activity_log', 'detail_params');
    await q.dropColumn('activity_log', 'detail_code');
    await q.dropColumn('skus', 'unit_size');
    await q.dropColumn('skus', 'unit');
  }
}
