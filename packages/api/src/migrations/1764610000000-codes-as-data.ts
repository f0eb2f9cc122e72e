import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Issue 15, codes rather than sentences, and catalog data in Korean too (products.description_ko). A1: an activity entry's detail as a code with its facts
 * (`detail_code`, `detail_params` JSON) beside its English text. B3: a SKU's unit as data (CORE_PACK, DEVICE, VM_INSTANCE, VCPU and a size), so each
 * language words it ("16-core pack", "16코어 팩") instead of showing the English SKU name. The
 * demo catalog's SKUs are filled in from their names; any other SKU keeps null and its name.
 */
/** The demo products' descriptions in Korean (catalog data in both languages). */
const KOREAN_DESCRIPTIONS: Record<string, string> = {
  'windows-server-2022-datacenter': 'Windows Server Datacenter 구독, 16코어 라이선스 팩.',
  'windows-server-2022-standard': 'Windows Server Standard 구독, 16코어 라이선스 팩.',
  'sql-server-2022-standard': 'SQL Server Standard 구독, 2코어 라이선스 팩.',
  'office-ltsc-professional-plus-2024':
    '기기 1대용 Office LTSC Professional Plus 2024 영구 라이선스.',
  'sql-server-2022-enterprise-perpetual': 'SQL Server Enterprise 영구 라이선스, 2코어 라이선스 팩.',
  'azure-reserved-vm-d2s-v5': '원하는 지역의 D2s v5 가상 머신 1대에 대한 예약 용량.',
  'windows-7-esu-2020': 'Windows 7 Professional 및 Enterprise 기기용 보안 업데이트, 2020년.',
  'suse-linux-enterprise-server-plan':
    'Azure VM(가상 CPU 1–2개)용 SUSE Linux Enterprise Server 소프트웨어 요금 선불.',
  'red-hat-enterprise-linux-plan':
    'Azure VM(가상 CPU 1–4개)용 Red Hat Enterprise Linux 소프트웨어 요금 선불.',
};

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
    // Korean text on a server whose default character set is not utf8mb4 (SQLite stores UTF-8).
    const utf8 = q.connection.options.type === 'mysql' ? { charset: 'utf8mb4' } : {};
    await q.addColumns('skus', [
      new TableColumn({ name: 'unit', type: 'varchar', length: '32', isNullable: true }),
      new TableColumn({ name: 'unit_size', type: 'varchar', length: '32', isNullable: true }),
    ]);
    await q.addColumns('activity_log', [
      new TableColumn({ name: 'detail_code', type: 'varchar', length: '40', isNullable: true }),
      new TableColumn({
        name: 'detail_params',
        type: 'varchar',
        length: '600',
        isNullable: true,
        ...utf8,
      }),
    ]);
    await q.addColumn(
      'products',
      new TableColumn({
        name: 'description_ko',
        type: 'varchar',
        length: '500',
        isNullable: true,
        ...utf8,
      }),
    );
    for (const [id, description] of Object.entries(KOREAN_DESCRIPTIONS)) {
      await q.query('UPDATE products SET description_ko = ? WHERE id = ?', [description, id]);
    }
    for (const [prefix, unit, size] of KNOWN) {
      await q.query('UPDATE skus SET unit = ?, unit_size = ? WHERE name LIKE ? AND unit IS NULL', [
        unit,
        size,
        `${prefix}%`,
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('products', 'description_ko');
    await q.dropColumn('activity_log', 'detail_params');
    await q.dropColumn('activity_log', 'detail_code');
    await q.dropColumn('skus', 'unit_size');
    await q.dropColumn('skus', 'unit');
  }
}
