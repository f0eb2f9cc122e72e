import {
  attachmentProblem,
  MAX_ATTACHMENTS,
  type FieldError,
  type FieldErrorCode,
  type FieldErrorParams,
} from '@csp/domain';
import { useCallback, useEffect, useRef, useState } from 'react';

/** What POST /files answered when it refused a file (400, 401, 403, 413). */
export interface UploadFailure {
  code: string;
  /** Why the file was refused, as data (S2), when it was the file. */
  fieldError?: FieldError;
  httpStatus: number;
}

export interface Upload {
  key: string;
  fileName: string;
  size: number;
  /** 0 to 1 while uploading. */
  progress: number;
  status: 'uploading' | 'done' | 'failed' | 'rejected';
  /** The attachment id from POST /files, once done. */
  id?: string;
  /** Why it was rejected before upload (domain message) or why the upload failed. */
  problem?:
    { code: FieldErrorCode; params: FieldErrorParams } | UploadFailure | 'network' | 'tooMany';
}

let counter = 0;

/**
 * S2 **Add files**: each file is checked with the domain's `attachmentProblem` before anything is
 * sent, then uploaded on its own (POST /files, raw body) with XMLHttpRequest so its progress shows.
 * A removed file's upload is aborted; the ids of finished uploads go with the request.
 */
export function useUploads() {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const requests = useRef(new Map<string, XMLHttpRequest>());
  // The list as of the last change, so files added twice in a row are counted together.
  const latest = useRef<Upload[]>([]);
  useEffect(() => {
    latest.current = uploads;
  }, [uploads]);

  const update = useCallback((key: string, change: Partial<Upload>) => {
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }, []);

  const start = useCallback(
    (key: string, file: File) => {
      const xhr = new XMLHttpRequest();
      requests.current.set(key, xhr);
      xhr.open('POST', '/files');
      xhr.withCredentials = true;
      xhr.setRequestHeader('X-CSP-Upload', '1');
      xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
      xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) {
          update(key, { progress: Math.min(1, event.loaded / event.total) });
        }
      };
      xhr.onload = () => {
        requests.current.delete(key);
        let body: { id?: string; code?: string; fieldErrors?: FieldError[] } = {};
        try {
          body = JSON.parse(xhr.responseText) as typeof body;
        } catch {
          // not JSON: treated as a failure below
        }
        if (xhr.status === 201 && body.id) {
          update(key, { status: 'done', progress: 1, id: body.id });
        } else {
          update(key, {
            status: 'failed',
            problem: {
              code: body.code ?? (xhr.status === 413 ? 'TOO_LARGE' : 'INTERNAL'),
              fieldError: body.fieldErrors?.[0],
              httpStatus: xhr.status,
            },
          });
        }
      };
      xhr.onerror = () => {
        requests.current.delete(key);
        update(key, { status: 'failed', problem: 'network' });
      };
      xhr.send(file);
    },
    [update],
  );

  /** Adds files: those the domain refuses are listed with the reason and never sent. */
  const add = useCallback(
    (files: readonly File[]) => {
      const current = latest.current;
      let kept = current.filter((u) => u.status === 'uploading' || u.status === 'done').length;
      const accepted: { key: string; file: File }[] = [];
      const added = files.map((file): Upload => {
        counter += 1;
        const key = `upload-${counter}`;
        const base = { key, fileName: file.name, size: file.size, progress: 0 };
        const problem = attachmentProblem(file.name, file.size);
        if (problem) return { ...base, status: 'rejected', problem };
        if (kept >= MAX_ATTACHMENTS) return { ...base, status: 'rejected', problem: 'tooMany' };
        kept += 1;
        accepted.push({ key, file });
        return { ...base, status: 'uploading' };
      });
      latest.current = [...current, ...added];
      setUploads((list) => [...list, ...added]);
      for (const { key, file } of accepted) start(key, file);
    },
    [start],
  );

  const remove = useCallback((key: string) => {
    requests.current.get(key)?.abort();
    requests.current.delete(key);
    setUploads((list) => list.filter((u) => u.key !== key));
  }, []);

  const reset = useCallback(() => {
    for (const xhr of requests.current.values()) xhr.abort();
    requests.current.clear();
    setUploads([]);
  }, []);

  useEffect(() => {
    const open = requests.current;
    return () => {
      for (const xhr of open.values()) xhr.abort();
    };
  }, []);

  return {
    uploads,
    /** The files listed with a reason they cannot be attached: Submit waits for their removal. */
    refused: uploads.filter((u) => u.problem),
    add,
    remove,
    reset,
    uploading: uploads.some((u) => u.status === 'uploading'),
    attachmentIds: uploads.filter((u) => u.status === 'done' && u.id).map((u) => u.id!),
  };
}
