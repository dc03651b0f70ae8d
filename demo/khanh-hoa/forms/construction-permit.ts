import {
  address,
  declarationSchema,
  isoDate,
  object,
  personName,
  phone,
  text,
} from '../../../src/domain/declarations/field-kinds.ts'
import type { FormContext } from '../../../src/domain/declarations/form-context.ts'
import type { FormDefinition } from '../../../src/domain/declarations/form-definition.ts'
import { choice, field, lists, requires, t, when } from './people.ts'

const workKind = choice('Nghị định 175/2024/NĐ-CP, Phụ lục II, Mẫu số 01, mục 4 (nội dung đề nghị cấp phép)', [
  ['non_linear', 'Công trình không theo tuyến', 'Non-linear works'],
  ['linear_urban', 'Công trình theo tuyến trong đô thị', 'Linear works in an urban area'],
  ['religious', 'Công trình tín ngưỡng, tôn giáo', 'Religious works'],
  ['monument', 'Tượng đài, tranh hoành tráng', 'Monument or mural'],
  ['house', 'Nhà ở riêng lẻ', 'Detached house'],
])

const grade = choice('Nghị định 175/2024/NĐ-CP; thủ tục 1.013225 (công trình cấp III, cấp IV và nhà ở riêng lẻ)', [
  ['III', 'Cấp III', 'Grade III'],
  ['IV', 'Cấp IV', 'Grade IV'],
])

const metres = { type: 'number', minimum: 0, maximum: 10000 }
const squareMetres = { type: 'number', minimum: 1, maximum: 10000000 }

/**
 * The example declaration (JSON Schema `examples`): a three-storey detached house on a 96.5 m² plot, designed by a
 * Nha Trang firm, built in 8 months.
 */
const example = {
  investor: {
    name: 'Đỗ Thanh Tuấn',
    address: { province: '56', commune: '22333', street: '27 Trần Quang Khải' },
    phone: '0982123456',
  },
  site: {
    plotNumber: '125',
    mapSheet: '18',
    area: 96.5,
    address: { province: '56', commune: '22333', street: '27 Trần Quang Khải' },
  },
  designer: {
    name: 'Công ty TNHH Tư vấn Thiết kế Xây dựng Nha Trang',
    certificateCode: 'KHA-00012345',
    leads: [{ fullName: 'Lê Quốc Khánh', certificateCode: 'KHA-00067890' }],
  },
  kind: 'house',
  building: {
    type: 'Nhà ở riêng lẻ',
    grade: 'III',
    buildingArea: 80,
    groundLevel: 0.45,
    totalFloorArea: 240,
    height: 11.5,
    floors: 3,
  },
  months: 8,
}

/**
 * Đơn đề nghị cấp giấy phép xây dựng (procedure 1.013225), Mẫu số 01 of Annex II to Decree 175/2024/NĐ-CP:
 * the investor, the site, who designed (and checked) the design, what is to be built — a building's area,
 * floors and height, or a linear work's length and depth — and the expected duration. The result is the
 * Giấy phép xây dựng with its number, valid for starting works within 12 months (Luật Xây dựng art. 90).
 */
export function constructionPermit(ctx: FormContext): FormDefinition {
  return {
    version: 1,
    title: t('Đơn đề nghị cấp giấy phép xây dựng', 'Application for a construction permit'),
    schema: declarationSchema('https://motcua.khanhhoa.gov.vn/forms/1.013225/1', {
      examples: [example],
      ...object(
        {
          investor: object(
            {
              name: text(200),
              representative: text(100),
              position: text(100),
              address: address(ctx.provinceCode, ctx.communes),
              phone,
            },
            ['representative', 'position'],
          ),
          site: object(
            {
              plotNumber: text(50),
              mapSheet: text(50),
              area: squareMetres,
              address: address(ctx.provinceCode, ctx.communes),
            },
            ['mapSheet'],
          ),
          designer: object(
            {
              name: text(200),
              certificateCode: text(50),
              leads: {
                type: 'array',
                maxItems: 20,
                items: object({ fullName: personName, certificateCode: text(50) }),
              },
            },
            ['leads'],
          ),
          kind: workKind.schema,
          building: object(
            {
              type: text(200),
              grade: grade.schema,
              buildingArea: squareMetres,
              groundLevel: { type: 'number', minimum: -100, maximum: 1000 },
              totalFloorArea: squareMetres,
              height: metres,
              floors: { type: 'integer', minimum: 1, maximum: 100 },
            },
            ['groundLevel'],
          ),
          linear: object({ type: text(200), grade: grade.schema, length: metres, clearance: metres, depth: metres }, [
            'clearance',
            'depth',
          ]),
          months: { type: 'integer', minimum: 1, maximum: 120 },
        },
        ['building', 'linear'],
      ),
      // Item 4 of the form: a linear work is described by its length and depth, every other by the building.
      ...when('kind', 'linear_urban', requires('linear'), requires('building')),
    }),
    layout: {
      steps: [
        {
          id: 'investor',
          title: t('Chủ đầu tư', 'Investor'),
          sections: [
            {
              id: 'investor',
              title: t('Chủ đầu tư', 'Investor'),
              fields: [
                field('investor/name', t('Tên chủ đầu tư (chủ hộ)', 'Investor (head of household)'), 'text'),
                field('investor/representative', t('Người đại diện', 'Representative'), 'text'),
                field('investor/position', t('Chức vụ', 'Position'), 'text'),
                field('investor/address', t('Địa chỉ liên hệ', 'Contact address'), 'address'),
                field('investor/phone', t('Số điện thoại', 'Phone'), 'phone'),
              ],
            },
          ],
        },
        {
          id: 'site',
          title: t('Công trình', 'The works'),
          sections: [
            {
              id: 'site',
              title: t('Địa điểm xây dựng', 'Site'),
              fields: [
                field('site/plotNumber', t('Thửa đất số', 'Plot number'), 'text'),
                field('site/mapSheet', t('Tờ bản đồ số', 'Map sheet'), 'text'),
                field('site/area', t('Diện tích thửa đất (m²)', 'Plot area (m²)'), 'number'),
                field('site/address', t('Địa chỉ công trình', 'Address of the works'), 'address'),
              ],
            },
            {
              id: 'designer',
              title: t('Tổ chức, cá nhân lập thiết kế', 'Designer'),
              fields: [
                field('designer/name', t('Tên tổ chức, cá nhân', 'Name'), 'text'),
                field('designer/certificateCode', t('Mã số chứng chỉ năng lực, hành nghề', 'Certificate code'), 'text'),
                field('designer/leads', t('Chủ nhiệm, chủ trì thiết kế', 'Lead designers'), 'repeat', {
                  fields: [
                    field('fullName', t('Họ và tên', 'Full name'), 'text'),
                    field('certificateCode', t('Mã số chứng chỉ hành nghề', 'Practising certificate code'), 'text'),
                  ],
                }),
              ],
            },
            {
              id: 'building',
              title: t('Nội dung đề nghị cấp phép', 'What is to be built'),
              fields: [
                field('kind', t('Loại công trình', 'Kind of works'), 'radio', { codeList: 'workKind' }),
                ...(
                  [
                    ['type', t('Loại công trình (công năng)', 'Use'), 'text'],
                    ['grade', t('Cấp công trình', 'Grade'), 'select'],
                    ['buildingArea', t('Diện tích xây dựng tầng 1 (m²)', 'Ground floor area (m²)'), 'number'],
                    ['groundLevel', t('Cốt xây dựng (m)', 'Ground level (m)'), 'number'],
                    ['totalFloorArea', t('Tổng diện tích sàn (m²)', 'Total floor area (m²)'), 'number'],
                    ['height', t('Chiều cao công trình (m)', 'Height (m)'), 'number'],
                    ['floors', t('Số tầng', 'Floors'), 'number'],
                  ] as const
                ).map(([name, label, widget]) =>
                  field(`building/${name}`, label, widget, {
                    showIf: { path: 'kind', notEquals: 'linear_urban' },
                    ...(name === 'grade' ? { codeList: 'grade' } : {}),
                  }),
                ),
                ...(
                  [
                    ['type', t('Loại công trình (công năng)', 'Use'), 'text'],
                    ['grade', t('Cấp công trình', 'Grade'), 'select'],
                    ['length', t('Tổng chiều dài (m)', 'Total length (m)'), 'number'],
                    ['clearance', t('Chiều cao tĩnh không (m)', 'Clearance (m)'), 'number'],
                    ['depth', t('Độ sâu công trình (m)', 'Depth (m)'), 'number'],
                  ] as const
                ).map(([name, label, widget]) =>
                  field(`linear/${name}`, label, widget, {
                    showIf: { path: 'kind', equals: 'linear_urban' },
                    ...(name === 'grade' ? { codeList: 'grade' } : {}),
                  }),
                ),
                field('months', t('Dự kiến thời gian hoàn thành (tháng)', 'Expected duration (months)'), 'number'),
              ],
            },
          ],
        },
      ],
    },
    rules: [],
    computed: [],
    codeLists: { ...lists('province'), workKind: workKind.list, grade: grade.list },
    attachments: ctx.attachments,
    keyFacts: ['investor/name', 'site/address', 'kind'],
    result: {
      title: t('Giấy phép xây dựng', 'Construction permit'),
      decisionSchema: object(
        { permitNumber: text(30), issuedOn: isoDate, validUntil: isoDate, conditions: text(2000) },
        ['conditions'],
      ),
      decisionLayout: [
        {
          id: 'permit',
          title: t('Giấy phép', 'Permit'),
          fields: [
            field('permitNumber', t('Số giấy phép', 'Permit number'), 'text'),
            field('issuedOn', t('Ngày cấp', 'Issued on'), 'date'),
            field('validUntil', t('Thời hạn khởi công (đến ngày)', 'Works must start by'), 'date', {
              help: t('12 tháng kể từ ngày cấp', '12 months from issue'),
            }),
            field('conditions', t('Yêu cầu đối với chủ đầu tư', 'Conditions'), 'textarea'),
          ],
        },
      ],
      lines: [
        { label: t('Chủ đầu tư', 'Investor'), from: 'declaration', path: 'investor/name' },
        { label: t('Địa điểm xây dựng', 'Site'), from: 'declaration', path: 'site/address' },
        { label: t('Thửa đất số', 'Plot'), from: 'declaration', path: 'site/plotNumber' },
        { label: t('Loại công trình', 'Kind of works'), from: 'declaration', path: 'kind' },
        { label: t('Cấp công trình', 'Grade'), from: 'declaration', path: 'building/grade' },
        {
          label: t('Tổng diện tích sàn (m²)', 'Total floor area (m²)'),
          from: 'declaration',
          path: 'building/totalFloorArea',
        },
        { label: t('Số tầng', 'Floors'), from: 'declaration', path: 'building/floors' },
        { label: t('Số giấy phép', 'Permit number'), from: 'decision', path: 'permitNumber' },
        { label: t('Ngày cấp', 'Issued on'), from: 'decision', path: 'issuedOn' },
        { label: t('Khởi công trước ngày', 'Works must start by'), from: 'decision', path: 'validUntil' },
      ],
    },
    source: {
      title:
        'Nghị định 175/2024/NĐ-CP, Phụ lục II, Mẫu số 01: Đơn đề nghị cấp giấy phép xây dựng; Giấy phép xây dựng theo Phụ lục II của Nghị định',
      url: 'https://cite.edu.vn/don-de-nghi-cap-giay-phep-xay-dung.html',
      illustrative: [
        'the items were read from a reproduction of the application (cite.edu.vn, 2024), not from the gazette; the monument item (4.3) is folded into the building fields',
        'the form number of the permit itself in Annex II',
        'the site as plot, map sheet and address; steps and English labels are motcua’s',
      ],
    },
  }
}
