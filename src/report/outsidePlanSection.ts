import type { Finding, Report } from '../model/finding.js';
import { locationLink, type MarkdownLinks } from './markdown.js';
import { escapeMarkdown } from './markdownEscape.js';

/**
 * "Outside this plan", for the PR comment and job summary of a `--resolve-live` run: what the
 * account gave for the plan's external references, then each live backend a planned change
 * breaks (with the CLBs behind it, console links and the `.tf` line of the change), then how many
 * failures live backends already had (not caused by the plan).
 */
export function outsidePlanLines(report: Report, links: MarkdownLinks | undefined): string[] {
  const resolution = report.resolution;
  if (resolution === undefined) return [];
  const read = resolution.objects.filter((o) => o.status === 'live').length;
  const calls = Object.values(resolution.calls).reduce((a, b) => a + b, 0);
  const absent = resolution.objects.filter((o) => o.status !== 'live');
  const lines = [
    `<sub>Resolved live in ${resolution.regions.join(', ')}: ${read} of ${resolution.objects.length} objects the plan names by ID, ${resolution.dependents.length} live backends its changes reach; ${calls} API calls${resolution.complete ? '' : '; **incomplete**'}.${absent.length > 0 ? ` Not resolved: ${absent.map((o) => escapeMarkdown(o.reason ?? o.id)).join('; ')}.` : ''}</sub>`,
    '',
  ];
  const outside = report.findings.filter((f) => f.outsidePlan !== undefined);
  if (outside.length === 0) return lines;
  const caused = outside.filter((f) => f.outsidePlan!.preexisting === false);
  const preexisting = outside.filter((f) => f.outsidePlan!.preexisting);
  lines.push('### Outside this plan', '');
  if (caused.length > 0) {
    lines.push(
      `This plan breaks ${caused.length === 1 ? 'a live backend' : `${caused.length} findings on live backends`} that other workspaces or the console manage:`,
      '',
    );
    for (const f of caused) lines.push(`- ${causedLine(f, links)}`);
    lines.push('');
  } else lines.push('The plan changes objects that live backends outside it depend on; it breaks none of them.', '');
  if (preexisting.length > 0) {
    const backends = [...new Set(preexisting.map((f) => f.outsidePlan!.backend))];
    lines.push(
      `<sub>${preexisting.length} pre-existing ${preexisting.length === 1 ? 'failure' : 'failures'} on ${backends.map((b) => `\`${escapeMarkdown(b)}\``).join(', ')}: ${preexisting.length === 1 ? 'it is' : 'they are'} there with the live version too, so not caused by this plan (they fail the run only with \`--fail-on-preexisting\`).</sub>`,
      '',
    );
  }
  return lines;
}

function causedLine(f: Finding, links: MarkdownLinks | undefined): string {
  const o = f.outsidePlan!;
  const link = (id: string) => {
    const url = o.consoleUrls.find((u) => u.includes(`id=${id}`));
    return url === undefined ? `\`${escapeMarkdown(id)}\`` : `[\`${escapeMarkdown(id)}\`](${url})`;
  };
  const behind = o.loadBalancers.length > 0 ? ` behind ${o.loadBalancers.map(link).join(', ')}` : '';
  const where = f.location ? ` — change at ${locationLink(f.location, links)}` : '';
  return `**${f.severity.toUpperCase()}** \`${f.policy}\` on live ${link(o.backend)}${behind}, by the change to \`${escapeMarkdown(o.changed)}\` (${o.change.map((c) => `\`${escapeMarkdown(c)}\``).join(', ')})${where}`;
}
