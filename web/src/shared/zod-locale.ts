/** zod's own messages (where a schema gives none) in Chinese, as on the server (server/app.ts). */
import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

z.config(zhCN());
