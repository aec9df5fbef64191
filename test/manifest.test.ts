/** The add-in manifest: schema-valid (offline XSDs via xmllint), bilingual, with the three ribbon buttons. */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

const repo = resolve(__dirname, '..');
const validator = join(repo, 'scripts', 'validate-manifest.js');
const manifestPath = join(repo, 'manifest.xml');
const manifest = readFileSync(manifestPath, 'utf8');

function validate(file: string) {
  return spawnSync(process.execPath, [validator, file], { encoding: 'utf8' });
}

describe('manifest.xml', () => {
  it('validates against the Office add-in schemas', () => {
    const r = validate(manifestPath);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('is valid');
  });

  it('a broken copy fails validation with a non-zero exit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-manifest-'));
    const broken = join(dir, 'manifest.xml');
    // an unknown permission and a button without its Action
    writeFileSync(
      broken,
      manifest
        .replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>')
        .replace(
          /<Action xsi:type="ExecuteFunction">\s*<FunctionName>summary<\/FunctionName>\s*<\/Action>/,
          '',
        ),
    );
    const r = validate(broken);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Permissions/);
    expect(r.stderr).toMatch(/does not match/);

    const notXml = join(dir, 'not-xml.xml');
    writeFileSync(notXml, '<OfficeApp>');
    expect(validate(notXml).status).toBe(1);
  });

  it('says clearly when xmllint is missing', () => {
    const r = spawnSync(process.execPath, [validator, manifestPath], {
      encoding: 'utf8',
      env: { ...process.env, PATH: join(tmpdir(), 'gouji-no-such-dir') },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/xmllint is not installed/);
    expect(r.stderr).toMatch(/libxml2-utils/);
  });

  it('is a task-pane add-in for Excel that reads and writes the document', () => {
    expect(manifest).toMatch(/xsi:type="TaskPaneApp"/);
    expect(manifest).toMatch(/<Host Name="Workbook" \/>/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifest).toMatch(/<SourceLocation DefaultValue="https:\/\/localhost:3000\/taskpane.html" \/>/);
    expect(manifest).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
  });

  it('defaults to zh-CN and overrides every string in en-US', () => {
    expect(manifest).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
    expect(manifest).toMatch(
      /<DisplayName DefaultValue="勾稽">\s*<Override Locale="en-US" Value="Gouji" \/>/,
    );
    const strings = [
      ...manifest.matchAll(
        /<bt:String id="([^"]+)" DefaultValue="([^"]*)">\s*<bt:Override Locale="en-US" Value="([^"]*)" \/>/g,
      ),
    ];
    const all = [...manifest.matchAll(/<bt:String id="/g)];
    expect(strings.length).toBe(all.length);
    const byId = new Map(strings.map((m) => [m[1], { zh: m[2], en: m[3] }]));
    expect(byId.get('ReviewButton.Label')).toEqual({ zh: '审核', en: 'Review' });
    expect(byId.get('SummaryButton.Label')).toEqual({ zh: '生成汇总', en: 'Build summary' });
    expect(byId.get('TaskpaneButton.Label')?.zh).toBe('打开勾稽');
    for (const { zh, en } of byId.values()) {
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('has the three ribbon buttons: open the pane, review, summary', () => {
    const controls = [...manifest.matchAll(/<Control xsi:type="Button" id="([^"]+)">([\s\S]*?)<\/Control>/g)];
    expect(controls.map((c) => c[1])).toEqual([
      'Gouji.TaskpaneButton',
      'Gouji.ReviewButton',
      'Gouji.SummaryButton',
    ]);
    expect(controls[0][2]).toMatch(
      /<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Taskpane.Url" \/>/,
    );
    expect(controls[1][2]).toMatch(
      /<Action xsi:type="ExecuteFunction">\s*<FunctionName>review<\/FunctionName>/,
    );
    expect(controls[2][2]).toMatch(
      /<Action xsi:type="ExecuteFunction">\s*<FunctionName>summary<\/FunctionName>/,
    );
    expect(manifest).toMatch(
      /<bt:Url id="Commands.Url" DefaultValue="https:\/\/localhost:3000\/commands.html" \/>/,
    );
    for (const c of controls)
      for (const size of [16, 32, 80])
        expect(c[2]).toContain(`<bt:Image size="${size}" resid="Icon.${size}x${size}" />`);
  });

  it('points at icons that exist in assets/ and are PNGs of the right size', () => {
    const urls = [...manifest.matchAll(/https:\/\/localhost:3000\/assets\/(icon-(\d+)\.png)/g)];
    expect(urls.length).toBeGreaterThan(0);
    for (const [, file, size] of urls) {
      const p = join(repo, 'assets', file);
      expect(existsSync(p)).toBe(true);
      const png = readFileSync(p);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(Number(size));
      expect(png.readUInt32BE(20)).toBe(Number(size));
    }
  });
});
