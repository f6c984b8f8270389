import { useEffect, useState } from 'react';
import type { Email } from '@inbox-crm/shared/client';
import { useServices } from '../../ui/services.js';
import { dataUrlOf, referencedContentIds } from './inline-images.js';

/** Past this many, or this size, an inline image stays a broken link rather than slow the page. */
const MAX_IMAGES = 30;
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/**
 * The email's kept inline images its body shows, as data: URLs by lower-cased Content-ID; empty
 * until they are read (the body shows at once, its images a moment later).
 */
export function useInlineImages(email: Email): ReadonlyMap<string, string> {
  const { api } = useServices();
  const [images, setImages] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let current = true;
    setImages(new Map());
    const shown = email.bodyHtml ? referencedContentIds(email.bodyHtml) : new Set<string>();
    const wanted = email.attachments
      .filter((file) => file.stored && file.contentId !== null && file.size <= MAX_IMAGE_BYTES)
      .filter((file) => shown.has(file.contentId!.toLowerCase()))
      .slice(0, MAX_IMAGES);
    void Promise.all(
      wanted.map(async (file) => {
        try {
          const blob = await api.downloadAttachment(email.id, file.position);
          const data = await dataUrlOf(new Blob([blob], { type: file.contentType }));
          return [file.contentId!.toLowerCase(), data] as const;
        } catch {
          return null;
        }
      }),
    ).then((loaded) => {
      const found = loaded.filter((entry): entry is readonly [string, string] => entry !== null);
      if (current && found.length > 0) setImages(new Map(found));
    });
    return () => {
      current = false;
    };
  }, [api, email]);
  return images;
}
