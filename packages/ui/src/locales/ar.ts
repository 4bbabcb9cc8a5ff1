import { plural } from '../localize/plural.js';
import type { Translation } from '../localize/strings.js';
import type en from './en.js';

const ar: Translation<typeof en> = {
  close: 'إغلاق',
  dialog: 'مربع حوار',
  progress: 'التقدّم',
  loading: 'جارٍ التحميل…',
  itemsProgress: (done: number, total: number) =>
    plural('ar', total, {
      zero: `${done} من # عنصر`,
      one: `${done} من عنصر واحد`,
      two: `${done} من عنصرين`,
      few: `${done} من # عناصر`,
      many: `${done} من # عنصرًا`,
      other: `${done} من # عنصر`,
    }),
  filesAdded: (count: number) =>
    plural('ar', count, {
      zero: 'لم تُضف أي ملفات',
      one: 'أُضيف ملف واحد',
      two: 'أُضيف ملفان',
      few: 'أُضيفت # ملفات',
      many: 'أُضيف # ملفًا',
      other: 'أُضيف # ملف',
    }),
};

export default ar;
