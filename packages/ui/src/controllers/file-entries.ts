/**
 * Walking dropped folders. Browsers expose a dropped folder only through the old File and
 * Directory Entries API (`webkitGetAsEntry`); these types are the small part of it used here, so
 * the walk can be tested with plain objects.
 */

/** A file or folder entry, as `DataTransferItem.webkitGetAsEntry()` returns. */
export interface EntryLike {
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  readonly name: string;
  /** Path from the drop root, starting with `/`. */
  readonly fullPath: string;
}

export interface FileEntryLike extends EntryLike {
  file(success: (file: File) => void, failure?: (error: unknown) => void): void;
}

export interface DirectoryEntryLike extends EntryLike {
  createReader(): {
    readEntries(success: (entries: EntryLike[]) => void, failure?: (error: unknown) => void): void;
  };
}

/** A file brought in by drop, paste or picker, with its path inside a dropped folder. */
export interface DroppedFile {
  readonly file: File;
  /** `photos/2024/a.jpg` for a file inside a dropped folder; the file name otherwise. */
  readonly relativePath: string;
}

const isFileEntry = (entry: EntryLike): entry is FileEntryLike => entry.isFile;
const isDirectoryEntry = (entry: EntryLike): entry is DirectoryEntryLike => entry.isDirectory;

function readAll(directory: DirectoryEntryLike): Promise<EntryLike[]> {
  const reader = directory.createReader();
  const all: EntryLike[] = [];
  // readEntries hands out folders in batches (100 in Chromium) until it returns an empty one.
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

/**
 * Every file under `entry` (itself, when it is a file), depth first in the order the browser
 * lists them. Unreadable files and folders are skipped rather than failing the whole drop.
 */
export async function filesFromEntry(entry: EntryLike): Promise<DroppedFile[]> {
  const relativePath = entry.fullPath.replace(/^\//, '') || entry.name;
  if (isFileEntry(entry)) {
    try {
      const file = await new Promise<File>((resolve, reject) => entry.file(resolve, reject));
      return [{ file, relativePath }];
    } catch {
      return [];
    }
  }
  if (isDirectoryEntry(entry)) {
    let children: EntryLike[];
    try {
      children = await readAll(entry);
    } catch {
      return [];
    }
    const nested = await Promise.all(children.map((child) => filesFromEntry(child)));
    return nested.flat();
  }
  return [];
}

/**
 * The files in a drop's `DataTransfer`, walking dropped folders. The entries are taken
 * synchronously, as the items are emptied once the event handler returns.
 */
export function filesFromDataTransfer(data: DataTransfer): Promise<DroppedFile[]> {
  const items = Array.from(data.items ?? []).filter((item) => item.kind === 'file');
  const fromItems = items.map((item) => {
    const entry = item.webkitGetAsEntry?.() as EntryLike | null | undefined;
    if (entry) return filesFromEntry(entry);
    const file = item.getAsFile();
    return Promise.resolve(file ? [{ file, relativePath: file.name }] : []);
  });
  if (fromItems.length === 0) {
    return Promise.resolve(Array.from(data.files ?? [], (file) => ({ file, relativePath: file.name })));
  }
  return Promise.all(fromItems).then((lists) => lists.flat());
}
