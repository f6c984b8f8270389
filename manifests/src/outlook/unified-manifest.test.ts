import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { unifiedManifestProblems } from '../validate/unified-manifest-schema.js';
import { unifiedManifest, unifiedManifestZip } from './unified-manifest.js';

const options = { addInId: '6f1c2b9e-3d4a-4f5b-8c7d-9e0a1b2c3d4e', version: '0.1.0' };

describe('the unified app manifest', () => {
  it('when generated, then it passes Microsoft’s JSON schema for its manifest version', () => {
    expect(unifiedManifestProblems(unifiedManifest('https://crm.example.com', options))).toEqual([]);
  });

  it('when generated, then the pane is in mail and meeting windows, takes several selected messages, and asks for read/write mailbox', () => {
    const manifest = unifiedManifest('https://crm.example.com', options);
    const extension = manifest.extensions[0]!;
    expect(extension.ribbons.flatMap((ribbon) => ribbon.contexts)).toEqual([
      'mailRead',
      'mailCompose',
      'meetingDetailsAttendee',
      'meetingDetailsOrganizer',
    ]);
    expect(extension.runtimes[0]!.actions[0]).toMatchObject({
      multiselect: true,
      supportsNoItemContext: true,
    });
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'Mailbox.ReadWrite.User', type: 'Delegated' },
    ]);
  });

  it('when something is wrong with it, then the schema check names the field', () => {
    const broken = { ...unifiedManifest('https://crm.example.com', options), accentColor: 'blue', id: 'x' };
    const problems = unifiedManifestProblems(broken);
    expect(problems.some((problem) => problem.startsWith('/accentColor'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('/id'))).toBe(true);
  });

  it('when packaged, then the zip holds the manifest and its 192 px colour and 32 px outline icons', () => {
    const files = unzipSync(unifiedManifestZip('https://crm.example.com', options));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString());
    expect(manifest.extensions[0].runtimes[0].code.page).toBe('https://crm.example.com/outlook/');
    expect(PNG.sync.read(Buffer.from(files['color.png']!)).width).toBe(192);
    expect(PNG.sync.read(Buffer.from(files['outline.png']!)).width).toBe(32);
  });
});
