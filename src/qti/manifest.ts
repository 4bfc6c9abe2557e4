import { type XmlElement, el } from './xml.js';

const CP_NAMESPACE = 'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1';

/** A test and the items it uses, with their paths in the package. */
export interface ManifestTest {
  readonly id: string;
  readonly path: string;
  readonly items: readonly { readonly id: string; readonly path: string }[];
}

// Resource identifiers are xs:ID, unique in the manifest; a quiz and a question
// may share an id, so each kind gets its own prefix.
const testResource = (id: string) => `test-${id}`;
const itemResource = (id: string) => `item-${id}`;

/**
 * `imsmanifest.xml` of an IMS Content Package 1.2 with the QTI 3 extensions:
 * a resource of type `imsqti_test_xmlv3p0` per test, which depends on a
 * resource of type `imsqti_item_xmlv3p0` per item.
 */
export function buildManifest(id: string, tests: readonly ManifestTest[]): XmlElement {
  return el(
    'manifest',
    {
      xmlns: CP_NAMESPACE,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${CP_NAMESPACE} https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd`,
      identifier: `MANIFEST-${id}`,
    },
    // The 3.0.0 package schema accepts only this schemaversion.
    el('metadata', {}, el('schema', {}, 'QTI Package'), el('schemaversion', {}, '3.0.0')),
    el('organizations'),
    el(
      'resources',
      {},
      tests.map((test) =>
        el(
          'resource',
          { identifier: testResource(test.id), type: 'imsqti_test_xmlv3p0', href: test.path },
          el('file', { href: test.path }),
          test.items.map((item) => el('dependency', { identifierref: itemResource(item.id) })),
        ),
      ),
      tests.flatMap((test) =>
        test.items.map((item) =>
          el('resource', { identifier: itemResource(item.id), type: 'imsqti_item_xmlv3p0', href: item.path }, el('file', { href: item.path })),
        ),
      ),
    ),
  );
}
