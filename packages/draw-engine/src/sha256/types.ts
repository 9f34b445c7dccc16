/** An incremental SHA-256 over UTF-8 text chunks. */
export interface Sha256 {
  update(chunk: string): void;
  hex(): string;
}
