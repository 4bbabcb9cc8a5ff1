import type { Translation } from '@kumo/ui/localize/strings';
import { plural } from '../part-kit.js';
import type en from './en.js';

const ar: Translation<typeof en> = {
  button_caption: 'رفع ملفات',
  title: 'رفع ملفات',
  close: 'إغلاق',
  minimize: 'تصغير',
  expand: 'عرض عمليات الرفع',
  back: 'العودة إلى قائمة الرفع',
  or: 'أو',
  dismiss: 'تجاهل',
  advanced: 'خيارات متقدمة',
  'advanced.public_id': 'المعرّف العام',
  'advanced.tags': 'الوسوم',
  'advanced.tags_hint': 'افصل بين الوسوم بفواصل.',
  'menu.label': 'الرفع من',
  'menu.files': 'ملفاتي',
  'menu.web': 'عنوان ويب',
  'menu.camera': 'الكاميرا',
  'local.browse': 'تصفّح',
  'local.input_label': 'اختر ملفات لرفعها',
  'local.dd_title_single': 'اسحب ملفًا وأفلته هنا',
  'local.dd_title_multi': 'اسحب ملفات أو مجلدات وأفلتها هنا',
  'local.drop_title_single': 'أفلت الملف لرفعه',
  'local.drop_title_multiple': 'أفلت الملفات لرفعها',
  'local.paste_hint': 'يمكنك أيضًا لصق ملف نسخته.',
  'local.max_size': ({ size }: { size: string }) => `حتى ${size} لكل ملف.`,
  'local.formats': ({ formats }: { formats: string }) => `الصيغ المسموح بها: ${formats}.`,
  'url.label': 'عنوان الملف على الويب',
  'url.hint': 'يُنزّل الخادم الملف من هذا العنوان.',
  'url.upload': 'رفع',
  'url.invalid': 'أدخل عنوان ويب كاملًا يبدأ بـ http:// أو https://.',
  'camera.preview': 'معاينة الكاميرا',
  'camera.starting': 'جارٍ تشغيل الكاميرا…',
  'camera.capture': 'التقاط صورة',
  'camera.retake': 'إعادة الالتقاط',
  'camera.use': 'رفع الصورة',
  'camera.no_camera': 'لم يُعثر على كاميرا في هذا الجهاز. لا يزال بإمكانك رفع الصور من ملفاتك.',
  'camera.denied':
    'لا يمكن استخدام الكاميرا لأن الإذن رُفض. اسمح بالوصول إلى الكاميرا من إعدادات الموقع في المتصفح، أو ارفع الصور من ملفاتك.',
  'camera.unsupported':
    'لا يمكن لهذه الصفحة استخدام كاميرا (يلزم عنوان https آمن ومتصفح يدعم الكاميرات). ارفع الصور من ملفاتك بدلًا من ذلك.',
  'camera.error': 'تعذّر تشغيل الكاميرا. ارفع الصور من ملفاتك بدلًا من ذلك.',
  'queue.title': 'قائمة الرفع',
  'queue.title_uploading_with_counter': ({ count }: { count: number }) =>
    plural('ar', count, {
      zero: 'لا ملفات قيد الرفع',
      one: 'جارٍ رفع ملف واحد',
      two: 'جارٍ رفع ملفين',
      few: 'جارٍ رفع # ملفات',
      many: 'جارٍ رفع # ملفًا',
      other: 'جارٍ رفع # ملف',
    }),
  'queue.title_done': 'اكتمل الرفع',
  'queue.title_failed': ({ count }: { count: number }) =>
    plural('ar', count, {
      zero: 'لم تفشل أي عملية رفع',
      one: 'فشلت عملية رفع واحدة',
      two: 'فشلت عمليتا رفع',
      few: 'فشلت # عمليات رفع',
      many: 'فشلت # عملية رفع',
      other: 'فشلت # عملية رفع',
    }),
  'queue.total_progress': 'التقدّم الإجمالي',
  'queue.files': 'الملفات في قائمة الرفع',
  'queue.retry_failed': 'إعادة محاولة الفاشلة',
  'queue.abort_all': 'إلغاء الكل',
  'queue.upload_more': 'رفع المزيد',
  'queue.done': 'تم',
  'queue.retry': 'إعادة المحاولة',
  'queue.cancel': 'إلغاء',
  'queue.remove': 'إزالة',
  'queue.statuses.pending': 'في الانتظار',
  'queue.statuses.uploading': 'جارٍ الرفع',
  'queue.statuses.processing': 'جارٍ المعالجة',
  'queue.statuses.done': 'تم الرفع',
  'queue.statuses.error': 'فشل',
  'queue.statuses.aborted': 'أُلغي',
  'queue.statuses.restored': 'جارٍ الاستئناف',
  'queue.bytes_of': ({ done, total }: { done: string; total: string }) => `${done} من ${total}`,
  'queue.speed': ({ speed }: { speed: string }) => `${speed}/ث`,
  'queue.time_left': ({ time }: { time: string }) => `متبقٍّ ${time}`,
  'queue.mini_title': 'عمليات الرفع',
  'queue.mini_upload_count': ({ done, total }: { done: number; total: number }) =>
    plural('ar', total, {
      zero: `رُفع ${done} من # ملف`,
      one: `رُفع ${done} من ملف واحد`,
      two: `رُفع ${done} من ملفين`,
      few: `رُفع ${done} من # ملفات`,
      many: `رُفع ${done} من # ملفًا`,
      other: `رُفع ${done} من # ملف`,
    }),
  'queue.announce_progress': ({ percent }: { percent: string }) => `جارٍ الرفع، اكتمل ${percent}`,
  'queue.announce_done': ({ count }: { count: number }) =>
    plural('ar', count, {
      zero: 'لم يُرفع أي ملف',
      one: 'رُفع ملف واحد',
      two: 'رُفع ملفان',
      few: 'رُفعت # ملفات',
      many: 'رُفع # ملفًا',
      other: 'رُفع # ملف',
    }),
  'queue.announce_added': ({ count }: { count: number }) =>
    plural('ar', count, {
      zero: 'لم تُضف أي ملفات',
      one: 'أُضيف ملف واحد',
      two: 'أُضيف ملفان',
      few: 'أُضيفت # ملفات',
      many: 'أُضيف # ملفًا',
      other: 'أُضيف # ملف',
    }),
  'queue.announce_restored': ({ count }: { count: number }) =>
    plural('ar', count, {
      zero: 'لا عمليات رفع لاستئنافها',
      one: 'استئناف عملية رفع واحدة لم تكتمل',
      two: 'استئناف عمليتي رفع لم تكتملا',
      few: 'استئناف # عمليات رفع لم تكتمل',
      many: 'استئناف # عملية رفع لم تكتمل',
      other: 'استئناف # عملية رفع لم تكتمل',
    }),
  'completed.title': 'الملفات المرفوعة',
  'completed.open': ({ name }: { name: string }) => `فتح ${name}`,
  'crop.title': 'قصّ الصورة',
  'crop.crop_btn': 'قصّ ورفع',
  'crop.skip_btn': 'رفع بدون قصّ',
  'crop.reset_btn': 'إعادة الضبط',
  'crop.aspect_ratio': 'نسبة الأبعاد',
  'crop.free': 'حرّة',
  'crop.move': 'تحريك منطقة القصّ',
  'crop.move_hint': 'تحرّك مفاتيح الأسهم منطقة القصّ، ومع Shift تغيّر حجمها.',
  'crop.shrink': 'أصغر',
  'crop.grow': 'أكبر',
  'crop.loading': 'جارٍ تحميل أداة القصّ…',
  'crop.selection': ({ width, height }: { width: number; height: number }) =>
    `منطقة القصّ ${width} × ${height} بكسل`,
  'errors.file_too_large': ({ name, size }: { name: string; size: string }) =>
    `لم يُضف «${name}»: حجمه أكبر من ${size}.`,
  'errors.format_not_allowed': ({ name, formats }: { name: string; formats: string }) =>
    `لم يُضف «${name}»: الصيغ المسموح بها هي ${formats} فقط.`,
  'errors.min_dimensions_validation': ({
    name,
    width,
    height,
  }: {
    name: string;
    width: string;
    height: string;
  }) => `لم يُضف «${name}»: يجب ألا تقل أبعاد الصور عن ${width} × ${height} بكسل.`,
  'errors.max_dimensions_validation': ({
    name,
    width,
    height,
  }: {
    name: string;
    width: string;
    height: string;
  }) => `لم يُضف «${name}»: يجب ألا تزيد أبعاد الصور عن ${width} × ${height} بكسل.`,
  'errors.max_number_of_files': ({ name, max }: { name: string; max: number }) =>
    plural('ar', max, {
      one: `لم يُضف «${name}»: يمكن رفع ملف واحد فقط.`,
      two: `لم يُضف «${name}»: يمكن رفع ملفين على الأكثر.`,
      few: `لم يُضف «${name}»: يمكن رفع # ملفات على الأكثر.`,
      many: `لم يُضف «${name}»: يمكن رفع # ملفًا على الأكثر.`,
      other: `لم يُضف «${name}»: يمكن رفع # ملف على الأكثر.`,
    }),
  'errors.unreadable': ({ name }: { name: string }) => `لم يُضف «${name}»: تعذّرت قراءته.`,
  'errors.upload_failed': ({ message }: { message: string }) => `فشل الرفع: ${message}`,
  'errors.file_failed': ({ name, message }: { name: string; message: string }) => `فشل «${name}»: ${message}`,
  'errors.network': 'انقطع الاتصال بالخادم.',
  'form.value_missing': 'ارفع ملفًا واحدًا على الأقل.',
};

export default ar;
