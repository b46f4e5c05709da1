/** Plain-language names for the patterns users meet most, so errors don't print regular expressions. */
import AppId from '../common/app-id.schema.json';
import FieldPath from '../common/field-path.schema.json';
import Identifier from '../common/identifier.schema.json';
import Label from '../common/label.schema.json';
import Connection from '../definition/connection.schema.json';
import Manifest from '../definition/connector-manifest.schema.json';
import Page from '../definition/page.schema.json';

export const patternMessages: Record<string, string> = {
  [Identifier.pattern]: 'is not a valid identifier (a letter, then letters, digits or _; at most 64 characters)',
  [AppId.pattern]: 'is not a valid app id (lowercase letters, digits and -, starting with a letter; 2-63 characters)',
  [FieldPath.pattern]: 'is not a valid field path (field ids joined by ".")',
  [Label.anyOf[1].propertyNames!.pattern]: 'is not a locale code (like "en" or "zh-CN")',
  [Page.properties.route.pattern]: 'is not a valid route (like "/", "/deals" or "/deals/:id")',
  [Connection.properties.connector.pattern]: 'is not a connector reference ("name@range", like "http@^1.0.0")',
  [Manifest.properties.version.pattern]: 'is not a semantic version (like "1.2.0")',
};
