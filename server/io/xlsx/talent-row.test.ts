import { describe, expect, it } from 'vitest';
import { mapTalentRow, type TalentRowCells } from './talent-row.ts';
import { idOf } from './test-workbooks.ts';

const MALE_ID = idOf('52010219900307001');
const FEMALE_ID = idOf('52010219850611002');

const base: TalentRowCells = { name: '张三', idNumber: MALE_ID, regionCode: '520102001000', categories: '实务人才' };

const errorsOf = (cells: TalentRowCells) => mapTalentRow(cells).errors;

describe('mapTalentRow', () => {
  it('maps a minimal row and fills the defaults', () => {
    const { input, errors } = mapTalentRow(base);
    expect(errors).toEqual([]);
    expect(input).toMatchObject({
      name: '张三',
      idNumber: MALE_ID,
      ethnicity: '01',
      nativePlace: null,
      phone: null,
      partyMember: false,
      regionCode: '520102001000',
      categories: ['practice'],
      fields: [],
      roles: [],
      titleLevel: 'none',
      status: 'active',
      certificates: [],
      educations: [],
    });
  });

  it('maps a full row with education and certificate', () => {
    const { input, errors } = mapTalentRow({
      ...base,
      idNumber: { richText: [{ text: FEMALE_ID.toLowerCase() }] },
      name: '  李 四 ',
      sex: '女',
      birthDate: new Date(Date.UTC(1985, 5, 11)),
      ethnicity: '苗',
      nativePlace: 520102,
      phone: '138 1234 5678',
      partyMember: '中共党员',
      categories: '实务人才、管理人才',
      fields: '养老服务，儿童福利',
      roles: '村(社区)干部 网格员',
      educationLevel: '本科',
      school: '贵州大学',
      majorClass: '社会工作',
      major: '社会工作',
      graduationYear: '2008年',
      degree: '学士',
      titleLevel: '中级',
      titleName: '社会工作师',
      employer: '南明区社会工作服务中心',
      post: '社工',
      professionalPost: '是',
      employmentStart: '2010.7.1',
      certificateLevel: '社会工作师',
      certificateNo: 2019052000123,
      certificateYear: 2019,
      registeredOn: 43800,
      status: '在职在岗',
    });
    expect(errors).toEqual([]);
    expect(input).toMatchObject({
      name: '李 四',
      idNumber: FEMALE_ID,
      sex: '2',
      birthDate: '1985-06-11',
      ethnicity: '06',
      nativePlace: '520102000000',
      phone: '13812345678',
      partyMember: true,
      categories: ['practice', 'management'],
      fields: ['elderly', 'children'],
      roles: ['village_cadre', 'grid_worker'],
      educations: [{ level: 'bachelor', school: '贵州大学', majorClass: 'social_work', major: '社会工作', graduationYear: 2008, degree: 'bachelor' }],
      certificates: [{ level: 'intermediate', certificateNo: '2019052000123', obtainedYear: 2019, registeredOn: '2019-12-01', reregisteredOn: null }],
      professionalPost: true,
      employmentStart: '2010-07-01',
    });
  });

  it('names each missing required column under its header', () => {
    expect(errorsOf({})).toEqual([
      { column: '姓名', message: '请填写姓名。' },
      { column: '身份证号码', message: '请填写身份证号码。' },
      { column: '工作地区(区划代码)', message: '请填写工作地区(区划代码)。' },
      { column: '人才类别', message: '请填写人才类别。' },
    ]);
  });

  it('cross-checks the ID number with 性别 and 出生日期', () => {
    const errors = errorsOf({ ...base, idNumber: FEMALE_ID, sex: '男', birthDate: '1985-06-12' });
    expect(errors.map((e) => e.column)).toEqual(['性别', '出生日期']);
    expect(errors[0].message).toContain('性别为女');
    expect(errors[1].message).toContain('1985-06-11');
  });

  it('reports an ID stored as a number with lost digits, and a bad checksum', () => {
    expect(errorsOf({ ...base, idNumber: 520102199003070000 })[0].message).toContain('文本');
    expect(errorsOf({ ...base, idNumber: `${MALE_ID.slice(0, 17)}${MALE_ID[17] === '1' ? '2' : '1'}` })[0].message).toContain('校验不通过');
  });

  it('reports invalid codes and keeps checking the other cells', () => {
    const errors = errorsOf({ ...base, categories: '实务人才、打杂人才', ethnicity: '火星族', status: '退休', phone: '12345' });
    expect(errors.map((e) => e.column)).toEqual(['民族', '联系电话', '人才类别', '人员状态']);
    expect(errors.find((e) => e.column === '人才类别')?.message).toContain('打杂人才');
  });

  it('explains a landline whose leading 0 was lost', () => {
    expect(errorsOf({ ...base, phone: 85112345678 })[0]).toMatchObject({ column: '联系电话', message: expect.stringContaining('开头的 0') });
    expect(mapTalentRow({ ...base, phone: '0851-12345678' }).input?.phone).toBe('085112345678');
  });

  it('requires the key fields of a partially filled certificate or education', () => {
    const errors = errorsOf({ ...base, certificateNo: 'A123', school: '贵州大学' });
    expect(errors).toEqual([
      { column: '最高学历', message: '已填写学历信息，请同时填写最高学历。' },
      { column: '专业类别', message: '已填写学历信息，请同时填写专业类别。' },
      { column: '证书等级', message: '已填写证书信息，请同时填写证书等级。' },
      { column: '取得年份', message: '已填写证书信息，请同时填写取得年份。' },
    ]);
  });

  it('maps schema messages of the nested lists back to the columns', () => {
    const errors = errorsOf({ ...base, certificateLevel: '助理社会工作师', certificateNo: 'A1', certificateYear: 1900 });
    expect(errors).toEqual([{ column: '取得年份', message: '取得年份不早于 1950 年' }]);
  });

  it('treats 未知 sex as not given', () => {
    expect(mapTalentRow({ ...base, sex: '未知' }).input?.sex).toBeUndefined();
  });

  it('pads short region codes and refuses malformed ones', () => {
    expect(mapTalentRow({ ...base, regionCode: 520102 }).input?.regionCode).toBe('520102000000');
    expect(errorsOf({ ...base, regionCode: '52010' })[0]).toMatchObject({ column: '工作地区(区划代码)' });
  });
});
