export type {
  CreateFolderResponse,
  DeleteFolderResponse,
  DeleteResourcesResponse,
  DerivedResource,
  Folder,
  FoldersResponse,
  RateLimitInfo,
  Resource,
  ResourceDetails,
  ResourceList,
  SearchParams,
  SearchResponse,
  TagsResponse,
} from './admin.js';
export type {
  AccessControlRule,
  ApiErrorBody,
  AssetContext,
  DeliveryType,
  ResourceType,
  UploadResourceType,
} from './common.js';
export type { EagerNotification, Notification, UploadNotification } from './notification.js';
export type {
  AsyncUploadResponse,
  AudioStreamInfo,
  ChunkUploadResponse,
  DestroyResponse,
  EagerResult,
  PublicIdsResponse,
  UploadResponse,
  VideoStreamInfo,
} from './upload.js';
