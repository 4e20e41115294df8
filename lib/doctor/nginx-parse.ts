/**
 * A parser for the subset of nginx configuration a TCP load balancer in front of Kafka uses:
 * `stream { upstream NAME { server HOST:PORT ...; } server { listen [ADDR:]PORT; proxy_pass NAME|HOST:PORT; } }`.
 * A file without `stream`, `http` or `events` blocks is read as a snippet meant to be included
 * inside `stream { }` (the seed's `nginx-bootstrap.conf`). Other directives are kept but ignored.
 */

/** One directive, with its arguments and, for a block, its children. */
export interface NginxDirective {
  readonly name: string;
  readonly args: string[];
  /** 1-based line of the directive's name. */
  readonly line: number;
  readonly block?: NginxDirective[];
}

/** A host and port, as nginx writes them (`10.0.0.1:32101`, `[::1]:9094`, `svc.ns.svc:9094`). */
export interface HostPort {
  readonly host: string;
  readonly port: number;
}

/** One `server` line of an upstream. */
export interface UpstreamServer extends HostPort {
  readonly line: number;
}

/** One `upstream` block. */
export interface NginxUpstream {
  readonly name: string;
  readonly line: number;
  /** In file order (duplicates kept: they are a finding). */
  readonly servers: UpstreamServer[];
}

/** One stream `server` block: what it listens on and where it forwards. */
export interface NginxProxyServer {
  readonly line: number;
  /** Listen ports (with the address when one is given). */
  readonly listen: { readonly address?: string; readonly port: number }[];
  /** The upstream it forwards to, when `proxy_pass` names one. */
  readonly upstream?: string;
  /** The address it forwards to, when `proxy_pass` is `HOST:PORT`. */
  readonly target?: HostPort;
}

/** The stream load balancing of one nginx file. */
export interface NginxStreamFacts {
  /** The file, as given. */
  readonly file: string;
  readonly upstreams: NginxUpstream[];
  readonly servers: NginxProxyServer[];
}

/** Splits nginx text into directives. Throws with the line number on unbalanced braces. */
export function parseNginx(text: string): NginxDirective[] {
  const tokens: { value: string; line: number; quoted: boolean }[] = [];
  let line = 1;
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '{' || c === '}' || c === ';') {
      tokens.push({ value: c, line, quoted: false });
      i++;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\' && j + 1 < text.length) j++;
        if (text[j] === '\n') line++;
        value += text[j++];
      }
      tokens.push({ value, line, quoted: true });
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !/[\s{};#]/.test(text[j])) j++;
      tokens.push({ value: text.slice(i, j), line, quoted: false });
      i = j;
    }
  }
  let pos = 0;
  const parseBlock = (depth: number): NginxDirective[] => {
    const out: NginxDirective[] = [];
    while (pos < tokens.length) {
      const t = tokens[pos];
      if (!t.quoted && t.value === '}') {
        if (depth === 0) throw new Error(`line ${t.line}: '}' without a block to close`);
        pos++;
        return out;
      }
      const name = tokens[pos++];
      const args: string[] = [];
      while (pos < tokens.length && (tokens[pos].quoted || !['{', '}', ';'].includes(tokens[pos].value)))
        args.push(tokens[pos++].value);
      const end = tokens[pos++];
      if (!end) throw new Error(`line ${name.line}: directive '${name.value}' is not terminated by ';'`);
      if (end.value === ';') out.push({ name: name.value, args, line: name.line });
      else if (end.value === '{') out.push({ name: name.value, args, line: name.line, block: parseBlock(depth + 1) });
      else throw new Error(`line ${end.line}: unexpected '}' after directive '${name.value}'`);
    }
    if (depth > 0) throw new Error('unbalanced braces: a block is not closed');
    return out;
  };
  return parseBlock(0);
}

/** Reads `host:port` (IPv6 in brackets). Undefined when there is no port. */
export function parseHostPort(value: string): HostPort | undefined {
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(value);
  return m ? { host: m[1] ?? m[2], port: Number(m[3]) } : undefined;
}

/** The upstreams and stream servers of an nginx file (a complete nginx.conf or a stream snippet). */
export function streamFacts(file: string, text: string): NginxStreamFacts {
  const top = parseNginx(text);
  const isMain = top.some((d) => ['stream', 'http', 'events'].includes(d.name));
  const contexts = isMain ? top.filter((d) => d.name === 'stream').map((d) => d.block ?? []) : [top];
  const upstreams: NginxUpstream[] = [];
  const servers: NginxProxyServer[] = [];
  for (const directives of contexts) {
    for (const d of directives) {
      if (d.name === 'upstream' && d.block) {
        upstreams.push({
          name: d.args[0],
          line: d.line,
          servers: d.block
            .filter((s) => s.name === 'server')
            .flatMap((s) => {
              const hp = parseHostPort(s.args[0] ?? '');
              return hp ? [{ ...hp, line: s.line }] : [];
            }),
        });
      } else if (d.name === 'server' && d.block) {
        const listen = d.block
          .filter((s) => s.name === 'listen')
          .flatMap((s) => {
            const a = s.args[0] ?? '';
            if (/^\d+$/.test(a)) return [{ port: Number(a) }];
            const hp = parseHostPort(a);
            return hp ? [{ address: hp.host, port: hp.port }] : [];
          });
        const pass = d.block.find((s) => s.name === 'proxy_pass')?.args[0];
        const target = pass !== undefined ? parseHostPort(pass) : undefined;
        servers.push({ line: d.line, listen, upstream: target ? undefined : pass, target });
      }
    }
  }
  return { file, upstreams, servers };
}
