/**
 * Platform photos: stored under DATA_DIR/photos/<platformId>/<photoId>.<ext>, one row each in
 * platform_photos. The type is decided by the file's first bytes (never by its name or the browser's
 * content type), so a renamed text file or script is refused; served back with that type and
 * `nosniff`. Sizes and counts are capped; a refused upload leaves nothing behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { v7 as uuidv7 } from 'uuid';
import type { Actor, Deps } from '../../context.ts';
import type { PlatformPhotosTable } from '../../db/schema.ts';
import { DomainError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './photos.repository.ts';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS_PER_PLATFORM = 20;
const MAX_CAPTION = 100;

const photoDir = (deps: Pick<Deps, 'dataDir'>, platformId: string) => path.join(deps.dataDir, 'photos', platformId);
const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const photoPath = (deps: Pick<Deps, 'dataDir'>, p: Pick<PlatformPhotosTable, 'platform_id' | 'id' | 'mime'>) =>
  path.join(photoDir(deps, p.platform_id), `${p.id}.${EXT[p.mime] ?? 'bin'}`);

/** JPEG, PNG or WebP by magic bytes; null for anything else. */
export function imageTypeOf(head: Buffer): string | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export function toPhotoDto(p: PlatformPhotosTable) {
  return { id: p.id, fileName: p.file_name, mime: p.mime, size: Number(p.size), caption: p.caption, createdAt: p.created_at };
}
export type PhotoDto = ReturnType<typeof toPhotoDto>;

async function platformOrNotFound(deps: Deps, actor: Actor, platformId: string) {
  const platform = await repo.platformInScope(deps.db, actor.scope, platformId);
  if (!platform) throw notFound('阵地');
  return platform;
}

export interface ReceivedFile {
  /** Temporary path of the received bytes. */
  tmp: string;
  fileName: string;
}

/**
 * Saves an uploaded stream to a temporary file next to the platform's photos (after checking the
 * platform is the user's to change, so nothing of a refused upload touches the disk).
 */
export async function receivePhoto(deps: Deps, actor: Actor, platformId: string, file: Readable, fileName: string): Promise<ReceivedFile> {
  await platformOrNotFound(deps, actor, platformId);
  const dir = photoDir(deps, platformId);
  await fs.promises.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.upload-${uuidv7()}`);
  try {
    await pipeline(file, fs.createWriteStream(tmp));
  } catch (err) {
    await fs.promises.rm(tmp, { force: true });
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw err;
  }
  if ((file as Readable & { truncated?: boolean }).truncated) {
    await fs.promises.rm(tmp, { force: true });
    throw tooLarge();
  }
  return { tmp, fileName };
}

const tooLarge = () => new DomainError('PAYLOAD_TOO_LARGE', `照片不能超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB,请压缩后再上传`);

/** Removes a received file that will not be kept (an unreadable request, a missing field …). */
export async function discardReceived(received: ReceivedFile | null): Promise<void> {
  if (received) await fs.promises.rm(received.tmp, { force: true });
}

/** Checks a received file and keeps it as a photo of the platform (row, file and audit entry together). */
export async function addPhoto(deps: Deps, actor: Actor, platformId: string, received: ReceivedFile, caption: string): Promise<PhotoDto> {
  try {
    const platform = await platformOrNotFound(deps, actor, platformId);
    const trimmed = caption.trim();
    if ([...trimmed].length > MAX_CAPTION) {
      throw new DomainError('VALIDATION_FAILED', '照片说明过长', [{ field: 'caption', message: `照片说明不能超过 ${MAX_CAPTION} 个字` }]);
    }
    const handle = await fs.promises.open(received.tmp, 'r');
    const head = Buffer.alloc(12);
    const { bytesRead } = await handle.read(head, 0, 12, 0).finally(() => handle.close());
    const size = (await fs.promises.stat(received.tmp)).size;
    if (size === 0) throw new DomainError('VALIDATION_FAILED', '上传的照片是空文件', [{ field: 'file', message: '请选择照片文件' }]);
    const mime = imageTypeOf(head.subarray(0, bytesRead));
    if (!mime) {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', '只能上传 JPEG、PNG 或 WebP 格式的图片', [
        { field: 'file', message: `“${received.fileName}”不是 JPEG、PNG 或 WebP 图片(改扩展名无效),请上传照片文件` },
      ]);
    }
    const row: PlatformPhotosTable = {
      id: uuidv7(),
      platform_id: platformId,
      file_name: path.basename(received.fileName || 'photo').slice(0, 255),
      mime,
      size,
      caption: trimmed,
      created_at: deps.clock.now().toISOString(),
    };
    const target = photoPath(deps, row);
    const saved = deps.db.transaction().execute(async (trx) => {
      // Counted inside the transaction: two uploads at once cannot both take the 20th place.
      if ((await repo.countPhotos(trx, platformId)) >= MAX_PHOTOS_PER_PLATFORM) {
        throw new DomainError('CONFLICT', `每个阵地最多保存 ${MAX_PHOTOS_PER_PLATFORM} 张照片,请先删除不需要的照片`);
      }
      await repo.insertPhoto(trx, row);
      await recordAudit(trx, deps, actor, {
        action: 'create',
        entityType: 'platform_photo',
        entityId: row.id,
        entityLabel: `${platform.name} / ${row.file_name}`,
        regionCode: platform.region_code,
        after: { platformId, fileName: row.file_name, mime, size, caption: trimmed },
      });
      await fs.promises.rename(received.tmp, target);
    });
    // A commit that fails after the file was moved must not leave the file behind.
    await saved.catch(async (err) => {
      await fs.promises.rm(target, { force: true });
      throw err;
    });
    return toPhotoDto(row);
  } finally {
    await fs.promises.rm(received.tmp, { force: true });
  }
}

/** The photo's row and where its bytes are, when the platform is in the scope. */
export async function openPhoto(deps: Deps, actor: Actor, platformId: string, photoId: string) {
  await platformOrNotFound(deps, actor, platformId);
  const photo = await repo.findPhoto(deps.db, platformId, photoId);
  if (!photo) throw notFound('照片');
  const file = photoPath(deps, photo);
  if (!fs.existsSync(file)) throw notFound('照片文件');
  return { photo, stream: () => fs.createReadStream(file) };
}

export async function removePhoto(deps: Deps, actor: Actor, platformId: string, photoId: string): Promise<void> {
  const platform = await platformOrNotFound(deps, actor, platformId);
  const photo = await repo.findPhoto(deps.db, platformId, photoId);
  if (!photo) throw notFound('照片');
  await deps.db.transaction().execute(async (trx) => {
    await repo.deletePhoto(trx, photoId);
    await recordAudit(trx, deps, actor, {
      action: 'delete',
      entityType: 'platform_photo',
      entityId: photoId,
      entityLabel: `${platform.name} / ${photo.file_name}`,
      regionCode: platform.region_code,
      before: { platformId, fileName: photo.file_name, mime: photo.mime, size: Number(photo.size), caption: photo.caption },
    });
  });
  await fs.promises.rm(photoPath(deps, photo), { force: true });
}

/**
 * For the platforms service after deleting a platform (its rows go by ON DELETE CASCADE): the files
 * go too. Call it after the transaction has committed.
 */
export async function removePlatformPhotos(deps: Pick<Deps, 'dataDir'>, platformId: string): Promise<void> {
  await fs.promises.rm(photoDir(deps, platformId), { recursive: true, force: true });
}
