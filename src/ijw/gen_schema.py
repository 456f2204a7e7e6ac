#!/usr/bin/env python3
# gen_schema.py: writes src/ijw/schema_tables.c from the official iJw 3.2 XSDs.
#
# A maintenance tool, not part of the build: the project validates messages
# with its own code and must run (and build) on a machine without the XSDs,
# so the tables it needs are generated once and committed. Run it again when
# a new release of the standard is adopted:
#
#   python3 src/ijw/gen_schema.py ../shared/ijw/xsd > src/ijw/schema_tables.c
#   clang-format -i src/ijw/schema_tables.c
#
# It reads basisschema.xsd (every LDT_ simple type with its facets and code
# list, every CDT_ complex type) and jw301.xsd ... jw325.xsd (the message
# structures), and emits, per message, a flat array of element nodes in
# document order (sequence, occurrence, namespace, simple type) plus an enum
# of node indices named after the element path. It fails loudly on any XSD
# construct it does not know (a choice, an attribute, an unknown pattern), so
# a new release cannot slip past it.
import os
import re
import sys
import xml.etree.ElementTree as ET

XS = '{http://www.w3.org/2001/XMLSchema}'
BASIS_NS = 'http://www.istandaarden.nl/ijw/3_2/basisschema/schema'
MESSAGES = ['301', '302', '305', '306', '307', '308', '315', '316', '317', '318', '319', '320',
            '323', '325']

# every regular expression the schemas use, mapped to the matcher in validate.c
PATTERNS = {
    '[0-9]{4}': ('IJW_PAT_DIGITS', 4),
    '[0-9]{8}': ('IJW_PAT_DIGITS', 8),
    '[0-9]{9}': ('IJW_PAT_DIGITS', 9),
    '[0-9]*': ('IJW_PAT_DIGITS_ANY', 0),
    '.*[^\\s].*': ('IJW_PAT_NONBLANK_LINE', 0),
    '([.\\s]*\\S+[.\\s]*)+': ('IJW_PAT_NONBLANK', 0),
    '([a-zA-Z\u00c0-\u1ef3])+': ('IJW_PAT_LETTERS', 0),
    '([a-zA-Z0-9])+': ('IJW_PAT_ALNUM', 0),
    '(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)': ('IJW_PAT_VERSION', 0),
    '[^:Z]*': ('IJW_PAT_NO_COLON_Z', 0),
    '[^Z+-]+': ('IJW_PAT_NO_TZ', 0),
}


def fail(msg):
    sys.stderr.write('gen_schema.py: %s\n' % msg)
    sys.exit(1)


def cstr(s):
    out = []
    for ch in s:
        if ch in '\\"':
            out.append('\\' + ch)
        elif ch == '\n':
            out.append(' ')
        elif ch == '\t':
            out.append(' ')
        else:
            out.append(ch)
    return '"' + re.sub(' +', ' ', ''.join(out)).strip() + '"'


def doc_of(el):
    d = el.find(XS + 'annotation/' + XS + 'documentation')
    return (d.text or '').strip() if d is not None else ''


def pattern_of(value):
    if re.fullmatch('[0-9]+', value):
        return ('IJW_PAT_LITERAL', 0, value)
    if value not in PATTERNS:
        fail('unknown pattern %r' % value)
    kind, n = PATTERNS[value]
    return (kind, n, None)


def parse_stype(st, name):
    r = st.find(XS + 'restriction')
    if r is None or len(st) > 2:
        fail('simpleType %s is not a plain restriction' % name)
    base = r.get('base')
    t = {'name': name, 'base': base, 'min_len': -1, 'max_len': -1, 'min': None, 'max': None,
         'patterns': [], 'values': [], 'docs': []}
    for f in r:
        tag = f.tag[len(XS):]
        v = f.get('value')
        if tag == 'annotation':
            continue
        if tag == 'minLength':
            t['min_len'] = int(v)
        elif tag == 'maxLength':
            t['max_len'] = int(v)
        elif tag == 'minInclusive':
            t['min'] = int(v)
        elif tag == 'maxInclusive':
            t['max'] = int(v)
        elif tag == 'pattern':
            t['patterns'].append(pattern_of(v))
        elif tag == 'enumeration':
            t['values'].append(v)
            t['docs'].append(doc_of(f))
        else:
            fail('facet %s in %s' % (tag, name))
    return t


def load_basis(path):
    root = ET.parse(path).getroot()
    stypes = {}
    for st in root.findall(XS + 'simpleType'):
        t = parse_stype(st, st.get('name'))
        if not t['base'].startswith('xs:'):
            fail('simpleType %s derives from %s' % (t['name'], t['base']))
        stypes[t['name']] = t
    ctypes = {ct.get('name'): ct for ct in root.findall(XS + 'complexType')}
    return stypes, ctypes


class Msg:
    def __init__(self, code, path, stypes, basis_ctypes):
        self.code = code
        root = ET.parse(path).getroot()
        self.ns = root.get('targetNamespace')
        self.ctypes = {ct.get('name'): ct for ct in root.findall(XS + 'complexType')}
        self.stypes = stypes
        self.basis_ctypes = basis_ctypes
        self.local_types = []  # restrictions declared inside an element
        self.nodes = []
        top = root.findall(XS + 'element')
        if len(top) != 1 or top[0].get('name') != 'Bericht':
            fail('jw%s: one root element Bericht expected' % code)
        self.add(top[0], -1, 0, [])

    def add(self, el, parent, ns, path):
        name = el.get('name')
        if el.get('ref') or not name:
            fail('jw%s: element without a name' % self.code)
        mn = el.get('minOccurs', '1')
        mx = el.get('maxOccurs', '1')
        if mn not in ('0', '1') or mx not in ('1', 'unbounded'):
            fail('jw%s: occurrence %s..%s of %s' % (self.code, mn, mx, name))
        idx = len(self.nodes)
        node = {'name': name, 'ns': ns, 'min': int(mn), 'unbounded': mx == 'unbounded',
                'parent': parent, 'children': [], 'stype': None, 'local': None,
                'path': path + [name]}
        self.nodes.append(node)
        if parent >= 0:
            self.nodes[parent]['children'].append(idx)
        typ = el.get('type')
        st = el.find(XS + 'simpleType')
        if st is not None:
            t = parse_stype(st, '%s (jw%s)' % (name, self.code))
            b = t['base']
            if not b.startswith('ijw:') or b[4:] not in self.stypes:
                fail('jw%s: %s restricts %s' % (self.code, name, b))
            if t['values'] or t['min_len'] >= 0 or t['max_len'] >= 0 or len(t['patterns']) != 1:
                fail('jw%s: %s: only one extra pattern is supported' % (self.code, name))
            node['stype'] = b[4:]
            node['local'] = t['patterns'][0]
            return
        if typ is None:
            fail('jw%s: %s has no type' % (self.code, name))
        prefix, local = typ.split(':')
        if prefix == 'ijw' and local in self.stypes:
            node['stype'] = local
            return
        if prefix == 'ijw' and local in self.basis_ctypes:
            self.add_children(self.basis_ctypes[local], idx, 1, node['path'])
            return
        if prefix == 'jw' + self.code and local in self.ctypes:
            self.add_children(self.ctypes[local], idx, ns, node['path'])
            return
        fail('jw%s: unknown type %s' % (self.code, typ))

    def add_children(self, ct, parent, ns, path):
        kids = [k for k in ct if k.tag != XS + 'annotation']
        if len(kids) != 1 or kids[0].tag != XS + 'sequence':
            fail('jw%s: complexType %s is not one sequence' % (self.code, ct.get('name')))
        for el in kids[0]:
            if el.tag == XS + 'annotation':
                continue
            if el.tag != XS + 'element':
                fail('jw%s: %s in a sequence' % (self.code, el.tag))
            self.add(el, parent, ns, path)


def enum_name(code, node):
    return 'N%s_%s' % (code, '_'.join(node['path'][1:]) if len(node['path']) > 1 else 'Bericht')


def main():
    if len(sys.argv) != 2:
        fail('usage: gen_schema.py XSD_DIR')
    d = sys.argv[1]
    stypes, basis_ctypes = load_basis(os.path.join(d, 'basisschema.xsd'))
    msgs = [Msg(c, os.path.join(d, 'jw%s.xsd' % c), stypes, basis_ctypes) for c in MESSAGES]
    for m in msgs:
        if len(m.nodes) > 32000:
            fail('too many nodes')
    w = sys.stdout.write
    w('/*\n * schema_tables.c: the iJw 3.2 message structures and code lists as C tables.\n'
      ' *\n * GENERATED by src/ijw/gen_schema.py from the official XSDs of release 3.2\n'
      ' * (basisschema.xsd and jw301.xsd ... jw325.xsd, BasisschemaXsdVersie 0.1.0,\n'
      ' * BerichtXsdVersie 0.1.0). Do not edit: change the generator and run it again.\n'
      ' * Every LDT_ simple type of basisschema.xsd is here with its facets and its\n'
      ' * enumeration (with the documentation of each value); every message is a\n'
      ' * flat array of element nodes in document order.\n */\n')
    w('#include "schema.h"\n\n#include <stddef.h>\n\n')
    names = sorted(stypes)
    for n in names:
        t = stypes[n]
        if t['values']:
            w('static const char *const v_%s[] = {%s};\n' % (n, ', '.join(cstr(v) for v in t['values'])))
            w('static const char *const d_%s[] = {%s};\n' % (n, ', '.join(cstr(x) for x in t['docs'])))
    w('\nconst ijw_stype ijw_stypes[] = {\n')
    base_map = {'xs:string': 'IJW_BASE_STRING', 'xs:integer': 'IJW_BASE_INTEGER',
                'xs:date': 'IJW_BASE_DATE', 'xs:time': 'IJW_BASE_TIME'}
    index = {}
    for i, n in enumerate(names):
        t = stypes[n]
        index[n] = i
        if t['base'] not in base_map:
            fail('base %s of %s' % (t['base'], n))
        if len(t['patterns']) > 1:
            fail('more than one pattern in %s' % n)
        pk, pn, lit = t['patterns'][0] if t['patterns'] else ('IJW_PAT_NONE', 0, None)
        if lit is not None:
            fail('literal pattern in %s' % n)
        has_min = t['min'] is not None
        has_max = t['max'] is not None
        w('    {%s, %s, %d, %d, %s, %s, %dLL, %dLL, %s, %d, %s, %s, %d},\n' % (
            cstr(n), base_map[t['base']], t['min_len'], t['max_len'],
            'true' if has_min else 'false', 'true' if has_max else 'false',
            t['min'] or 0, t['max'] or 0, pk, pn,
            ('v_' + n) if t['values'] else 'NULL', ('d_' + n) if t['values'] else 'NULL',
            len(t['values'])))
    w('};\nconst int ijw_nstypes = %d;\n\n' % len(names))
    for m in msgs:
        w('static const ijw_node nodes_%s[] = {\n' % m.code)
        for i, nd in enumerate(m.nodes):
            kids = nd['children']
            first = kids[0] if kids else -1
            nxt = -1
            if nd['parent'] >= 0:
                sib = m.nodes[nd['parent']]['children']
                k = sib.index(i)
                nxt = sib[k + 1] if k + 1 < len(sib) else -1
            lk, ln, lit = nd['local'] if nd['local'] else ('IJW_PAT_NONE', 0, None)
            w('    /* %d %s */ {%s, %d, %d, %s, %d, %d, %d, %s, %s, %d, %s},\n' % (
                i, '/'.join(nd['path']), cstr(nd['name']), nd['ns'], nd['min'],
                'true' if nd['unbounded'] else 'false', nd['parent'], first, nxt,
                ('&ijw_stypes[%d]' % index[nd['stype']]) if nd['stype'] else 'NULL', lk, ln,
                cstr(lit) if lit else 'NULL'))
        w('};\n\n')
    w('const ijw_msgdef ijw_msgdefs[] = {\n')
    for m in msgs:
        code = None
        for nd in m.nodes:
            if nd['path'][-2:] == ['Header', 'BerichtCode']:
                code = nd['local'][2]
        w('    {IJW_JW%s, "JW%s", %s, "%s", nodes_%s, %d},\n' % (m.code, m.code, cstr(m.ns), code,
                                                              m.code, len(m.nodes)))
    w('};\n')
    # the header with the node enums
    h = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'schema_nodes.h'), 'w')
    h.write('/*\n * schema_nodes.h: the index of every element node of every iJw 3.2 message\n'
            ' * in its table (schema_tables.c), named after its path below Bericht.\n *\n'
            ' * GENERATED by src/ijw/gen_schema.py; do not edit.\n */\n'
            '#ifndef JR_IJW_SCHEMA_NODES_H\n#define JR_IJW_SCHEMA_NODES_H\n\n')
    for m in msgs:
        h.write('enum {\n')
        for i, nd in enumerate(m.nodes):
            h.write('    %s = %d,\n' % (enum_name(m.code, nd), i))
        h.write('};\n\n')
    h.write('#endif\n')
    h.close()


if __name__ == '__main__':
    main()
