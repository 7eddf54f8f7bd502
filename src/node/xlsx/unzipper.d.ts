/** The part of unzipper's API used here: random access to a zip's entries through its central directory. */
declare module "unzipper" {
  import type { Readable } from "node:stream";
  export interface CentralDirectoryFile {
    readonly path: string;
    readonly type: "File" | "Directory";
    readonly uncompressedSize: number;
    stream(password?: string): Readable;
  }
  export interface CentralDirectory {
    readonly files: CentralDirectoryFile[];
  }
  export const Open: {
    file(path: string): Promise<CentralDirectory>;
    buffer(data: Uint8Array): Promise<CentralDirectory>;
  };
}
