import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends a workbook written by `write` as a streamed download with a Chinese file name. A failure
 * mid-way destroys the stream, so the browser gets a broken download rather than a half file that opens.
 */
export function sendWorkbook(reply: FastifyReply, fileName: string, write: (out: PassThrough) => Promise<unknown>) {
  const out = new PassThrough();
  write(out).then(
    () => out.end(),
    (err) => {
      reply.log.error(err, 'workbook generation failed');
      out.destroy(err);
    },
  );
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', `attachment; filename="download.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(out);
}
