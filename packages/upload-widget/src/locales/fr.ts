import type { Translation } from '@kumo/ui/localize/strings';
import { plural } from '../part-kit.js';
import type en from './en.js';

const fr: Translation<typeof en> = {
  button_caption: 'Téléverser des fichiers',
  title: 'Téléverser des fichiers',
  close: 'Fermer',
  minimize: 'Réduire',
  expand: 'Afficher les envois',
  back: 'Retour à la file d’envoi',
  or: 'ou',
  dismiss: 'Ignorer',
  advanced: 'Options avancées',
  'advanced.public_id': 'Identifiant public',
  'advanced.tags': 'Étiquettes',
  'advanced.tags_hint': 'Séparez les étiquettes par des virgules.',
  'menu.label': 'Source',
  'menu.files': 'Mes fichiers',
  'menu.web': 'Adresse web',
  'menu.camera': 'Caméra',
  'local.browse': 'Parcourir',
  'local.input_label': 'Choisir des fichiers à téléverser',
  'local.dd_title_single': 'Glissez-déposez un fichier ici',
  'local.dd_title_multi': 'Glissez-déposez des fichiers ou des dossiers ici',
  'local.drop_title_single': 'Déposez le fichier pour le téléverser',
  'local.drop_title_multiple': 'Déposez les fichiers pour les téléverser',
  'local.paste_hint': 'Vous pouvez aussi coller un fichier copié.',
  'local.max_size': ({ size }: { size: string }) => `Jusqu’à ${size} par fichier.`,
  'local.formats': ({ formats }: { formats: string }) => `Formats acceptés : ${formats}.`,
  'url.label': 'Adresse web du fichier',
  'url.hint': 'Le serveur télécharge le fichier à cette adresse.',
  'url.upload': 'Téléverser',
  'url.invalid': 'Saisissez une adresse web complète commençant par http:// ou https://.',
  'camera.preview': 'Aperçu de la caméra',
  'camera.starting': 'Démarrage de la caméra…',
  'camera.capture': 'Prendre une photo',
  'camera.retake': 'Reprendre',
  'camera.use': 'Téléverser la photo',
  'camera.no_camera':
    'Aucune caméra n’a été trouvée sur cet appareil. Vous pouvez toujours téléverser des photos depuis vos fichiers.',
  'camera.denied':
    'La caméra ne peut pas être utilisée car l’accès a été refusé. Autorisez la caméra dans les réglages du site, ou téléversez des photos depuis vos fichiers.',
  'camera.unsupported':
    'Cette page ne peut pas utiliser de caméra (il faut une adresse https sécurisée et un navigateur compatible). Téléversez plutôt des photos depuis vos fichiers.',
  'camera.error': 'La caméra n’a pas pu démarrer. Téléversez plutôt des photos depuis vos fichiers.',
  'queue.title': 'File d’envoi',
  'queue.title_uploading_with_counter': ({ count }: { count: number }) =>
    plural('fr', count, {
      one: 'Envoi de # fichier',
      many: 'Envoi de # de fichiers',
      other: 'Envoi de # fichiers',
    }),
  'queue.title_done': 'Envoi terminé',
  'queue.title_failed': ({ count }: { count: number }) =>
    plural('fr', count, {
      one: '# envoi a échoué',
      many: '# d’envois ont échoué',
      other: '# envois ont échoué',
    }),
  'queue.total_progress': 'Progression totale',
  'queue.files': 'Fichiers de la file d’envoi',
  'queue.retry_failed': 'Réessayer les échecs',
  'queue.abort_all': 'Tout annuler',
  'queue.upload_more': 'Ajouter d’autres fichiers',
  'queue.done': 'Terminé',
  'queue.retry': 'Réessayer',
  'queue.cancel': 'Annuler',
  'queue.remove': 'Retirer',
  'queue.statuses.pending': 'En attente',
  'queue.statuses.uploading': 'Envoi en cours',
  'queue.statuses.processing': 'Traitement',
  'queue.statuses.done': 'Envoyé',
  'queue.statuses.error': 'Échec',
  'queue.statuses.aborted': 'Annulé',
  'queue.statuses.restored': 'Reprise',
  'queue.bytes_of': ({ done, total }: { done: string; total: string }) => `${done} sur ${total}`,
  'queue.speed': ({ speed }: { speed: string }) => `${speed}/s`,
  'queue.time_left': ({ time }: { time: string }) => `${time} restantes`,
  'queue.mini_title': 'Envois',
  'queue.mini_upload_count': ({ done, total }: { done: number; total: number }) =>
    plural('fr', total, {
      one: `${done} fichier sur # envoyé`,
      many: `${done} fichiers sur # de fichiers envoyés`,
      other: `${done} fichiers sur # envoyés`,
    }),
  'queue.announce_progress': ({ percent }: { percent: string }) => `Envoi en cours, ${percent} effectué`,
  'queue.announce_done': ({ count }: { count: number }) =>
    plural('fr', count, {
      one: '# fichier envoyé',
      many: '# de fichiers envoyés',
      other: '# fichiers envoyés',
    }),
  'queue.announce_added': ({ count }: { count: number }) =>
    plural('fr', count, {
      one: '# fichier ajouté',
      many: '# de fichiers ajoutés',
      other: '# fichiers ajoutés',
    }),
  'queue.announce_restored': ({ count }: { count: number }) =>
    plural('fr', count, {
      one: 'Reprise de # envoi inachevé',
      many: 'Reprise de # d’envois inachevés',
      other: 'Reprise de # envois inachevés',
    }),
  'completed.title': 'Fichiers envoyés',
  'completed.open': ({ name }: { name: string }) => `Ouvrir ${name}`,
  'crop.title': 'Recadrer l’image',
  'crop.crop_btn': 'Recadrer et téléverser',
  'crop.skip_btn': 'Téléverser sans recadrer',
  'crop.reset_btn': 'Réinitialiser',
  'crop.aspect_ratio': 'Proportions',
  'crop.free': 'Libre',
  'crop.move': 'Déplacer la zone de recadrage',
  'crop.move_hint': 'Les flèches déplacent la zone de recadrage ; Maj avec les flèches la redimensionne.',
  'crop.shrink': 'Plus petite',
  'crop.grow': 'Plus grande',
  'crop.loading': 'Chargement de l’outil de recadrage…',
  'crop.selection': ({ width, height }: { width: number; height: number }) =>
    `Zone de recadrage ${width} × ${height} pixels`,
  'errors.file_too_large': ({ name, size }: { name: string; size: string }) =>
    `« ${name} » n’a pas été ajouté : il dépasse ${size}.`,
  'errors.format_not_allowed': ({ name, formats }: { name: string; formats: string }) =>
    `« ${name} » n’a pas été ajouté : seuls ces formats sont acceptés : ${formats}.`,
  'errors.min_dimensions_validation': ({
    name,
    width,
    height,
  }: {
    name: string;
    width: string;
    height: string;
  }) => `« ${name} » n’a pas été ajouté : les images doivent mesurer au moins ${width} × ${height} pixels.`,
  'errors.max_dimensions_validation': ({
    name,
    width,
    height,
  }: {
    name: string;
    width: string;
    height: string;
  }) => `« ${name} » n’a pas été ajouté : les images doivent mesurer au plus ${width} × ${height} pixels.`,
  'errors.max_number_of_files': ({ name, max }: { name: string; max: number }) =>
    plural('fr', max, {
      one: `« ${name} » n’a pas été ajouté : un seul fichier peut être téléversé.`,
      other: `« ${name} » n’a pas été ajouté : # fichiers au plus peuvent être téléversés.`,
    }),
  'errors.unreadable': ({ name }: { name: string }) =>
    `« ${name} » n’a pas été ajouté : il n’a pas pu être lu.`,
  'errors.upload_failed': ({ message }: { message: string }) => `Échec de l’envoi : ${message}`,
  'errors.file_failed': ({ name, message }: { name: string; message: string }) =>
    `« ${name} » a échoué : ${message}`,
  'errors.network': 'La connexion au serveur a été perdue.',
  'form.value_missing': 'Téléversez au moins un fichier.',
};

export default fr;
