import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectErrorShape, type Session, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-db.ts';

process.env.DEMO_TALENTS = '0';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 3)]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 1, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(50, 1)]);

/** A multipart body with a file and, optionally, a caption before or after it (browsers send either order). */
function photoForm(file: Buffer, fileName: string, caption?: string, captionFirst = false) {
  const boundary = `----photo${Math.random().toString(16).slice(2)}`;
  const filePart = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/png\r\n\r\n`),
    file,
    Buffer.from('\r\n'),
  ]);
  const captionPart =
    caption === undefined ? Buffer.alloc(0) : Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="caption"\r\n\r\n${caption}\r\n`);
  const parts = captionFirst ? [captionPart, filePart] : [filePart, captionPart];
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(DIALECTS)('platform photos (%s)', (dialect) => {
  let t: TestApp;
  let nanming: Session;
  let yunyan: Session;
  let platformId: string;
  const dirOf = (id: string) => path.join(t.deps.dataDir, 'photos', id);
  const filesOf = (id: string) => (fs.existsSync(dirOf(id)) ? fs.readdirSync(dirOf(id)) : []);
  const upload = (s: Session, body: ReturnType<typeof photoForm>, id = platformId) =>
    s.request({ method: 'POST', url: `/api/v1/platforms/${id}/photos`, ...body });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    nanming = await t.login('nanming');
    yunyan = await t.login('yunyan');
    const town = await t.db.db.selectFrom('regions').select('code').where('parent_code', '=', '520102000000').orderBy('code').executeTakeFirstOrThrow();
    const res = await nanming.request({
      method: 'POST',
      url: '/api/v1/platforms',
      payload: { kind: 'station', name: `照片测试站${dialect}`, regionCode: town.code },
    });
    expect(res.statusCode, res.body).toBe(200);
    platformId = res.json().id;
  });
  afterAll(() => t.close());

  it('keeps a photo by its bytes, serves it with its type and nosniff, and audits it', async () => {
    const res = await upload(nanming, photoForm(PNG, '站点外景.png', '  站点外景 '));
    expect(res.statusCode, res.body).toBe(200);
    const photo = res.json();
    expect(photo).toMatchObject({ fileName: '站点外景.png', mime: 'image/png', size: PNG.length, caption: '站点外景' });
    expect(filesOf(platformId)).toEqual([`${photo.id}.png`]);

    const got = await nanming.request({ url: `/api/v1/platforms/${platformId}/photos/${photo.id}` });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(got.rawPayload, PNG)).toBe(0);

    // The caption may come first; a JPEG named .png is a JPEG.
    const jpeg = await upload(nanming, photoForm(JPEG, 'inside.png', '室内', true));
    expect(jpeg.json()).toMatchObject({ mime: 'image/jpeg', caption: '室内' });
    const webp = await upload(nanming, photoForm(WEBP, 'x.webp'));
    expect(webp.json()).toMatchObject({ mime: 'image/webp', caption: '' });

    const audit = await t.db.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'platform_photo').where('entity_id', '=', photo.id).execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a renamed text file, an oversized photo and a long caption, keeping nothing', async () => {
    const before = filesOf(platformId).sort();
    const rows = async () => (await t.db.db.selectFrom('platform_photos').select('id').where('platform_id', '=', platformId).execute()).length;
    const n = await rows();

    const txt = await upload(nanming, photoForm(Buffer.from('<script>alert(1)</script>'), 'photo.jpg'));
    expectErrorShape(txt, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(txt.json().error.details[0].message).toMatch(/不是 JPEG、PNG 或 WebP 图片/);

    const big = await upload(nanming, photoForm(Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), 'big.png'));
    expectErrorShape(big, 413, 'PAYLOAD_TOO_LARGE');
    expect(big.json().error.message).toMatch(/5 MB/);

    expectErrorShape(await upload(nanming, photoForm(PNG, 'a.png', '长'.repeat(101))), 400, 'VALIDATION_FAILED');
    expectErrorShape(
      await nanming.request({ method: 'POST', url: `/api/v1/platforms/${platformId}/photos`, payload: { x: 1 } }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );

    expect(filesOf(platformId).sort()).toEqual(before);
    expect(await rows()).toBe(n);
  });

  it('is scoped: another county sees, adds and deletes nothing (404)', async () => {
    const photo = (await upload(nanming, photoForm(PNG, 'scoped.png'))).json();
    expectErrorShape(await yunyan.request({ url: `/api/v1/platforms/${platformId}/photos/${photo.id}` }), 404, 'NOT_FOUND');
    expectErrorShape(await upload(yunyan, photoForm(PNG, 'intruder.png')), 404, 'NOT_FOUND');
    expectErrorShape(await yunyan.request({ method: 'DELETE', url: `/api/v1/platforms/${platformId}/photos/${photo.id}` }), 404, 'NOT_FOUND');
    expect(filesOf(platformId)).toContain(`${photo.id}.png`);
    // A photo id under the wrong platform is not found either.
    expectErrorShape(await nanming.request({ url: `/api/v1/platforms/00000000-0000-7000-8000-000000000000/photos/${photo.id}` }), 404, 'NOT_FOUND');
  });

  it('deletes a photo (row, file, audit) and stops at 20 photos per platform', async () => {
    const photo = (await upload(nanming, photoForm(PNG, 'gone.png'))).json();
    const del = await nanming.request({ method: 'DELETE', url: `/api/v1/platforms/${platformId}/photos/${photo.id}` });
    expect(del.statusCode, del.body).toBe(200);
    expect(filesOf(platformId)).not.toContain(`${photo.id}.png`);
    expectErrorShape(await nanming.request({ url: `/api/v1/platforms/${platformId}/photos/${photo.id}` }), 404, 'NOT_FOUND');

    const have = (await t.db.db.selectFrom('platform_photos').select('id').where('platform_id', '=', platformId).execute()).length;
    for (let i = have; i < 20; i++) expect((await upload(nanming, photoForm(PNG, `p${i}.png`))).statusCode).toBe(200);
    const over = await upload(nanming, photoForm(PNG, 'p21.png'));
    expectErrorShape(over, 409, 'CONFLICT');
    expect(over.json().error.message).toMatch(/最多保存 20 张/);
    expect(filesOf(platformId)).toHaveLength(20);

    // Deleting the platform takes its photo rows and files with it.
    const gone = await nanming.request({ method: 'DELETE', url: `/api/v1/platforms/${platformId}` });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(fs.existsSync(dirOf(platformId))).toBe(false);
    expect(await t.db.db.selectFrom('platform_photos').select('id').where('platform_id', '=', platformId).execute()).toEqual([]);
  });
});
