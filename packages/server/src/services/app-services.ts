import type { Config } from '../config.js';
import type { AdminGate } from '../http/admin-auth.js';
import type { AdminService } from './admin-service.js';
import type { AssetCommands } from './asset-commands.js';
import type { DeleteTokens } from './delete-tokens.js';
import type { DeliveryService } from './delivery/delivery-service.js';
import type { SearchService } from './search-service.js';
import type { TempFiles } from './temp-files.js';
import type { TransformationService } from './transformation-service.js';
import type { UploadAuthenticator } from './upload-auth.js';
import type { UploadService } from './upload-service.js';

/** The services the HTTP layer calls, wired once by `createApp`. */
export interface AppServices {
  readonly config: Config;
  readonly temp: TempFiles;
  readonly uploadAuth: UploadAuthenticator;
  readonly uploads: UploadService;
  readonly commands: AssetCommands;
  readonly deleteTokens: DeleteTokens;
  readonly admin: AdminService;
  readonly adminGate: AdminGate;
  readonly search: SearchService;
  readonly transformations: TransformationService;
  readonly delivery: DeliveryService;
}
