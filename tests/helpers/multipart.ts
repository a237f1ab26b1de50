import fs from 'node:fs';

/** A multipart/form-data body with one file field, for app.inject (the browser's FormData upload). */
export function multipartFile(file: string | Buffer, fileName = 'upload.xlsx', field = 'file') {
  const boundary = `----sgpt${Math.random().toString(16).slice(2)}`;
  const content = typeof file === 'string' ? fs.readFileSync(file) : file;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
