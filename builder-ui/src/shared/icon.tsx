/**
 * Descriptors name @ant-design/icons by string; this resolves the name with a neutral fallback.
 *
 * Light on purpose: the icons are drawn from their SVG definitions as static markup (made once
 * per icon) in a plain span, not as @ant-design/icons components (context, style hook and an
 * element tree per use): a big page's canvas shows ~600 of them and a 100-entity diagram ~900.
 * And only the icons the built-in types use are imported, not `import *` (the whole set is ~1 MB
 * of script). Any other name (an entity's own icon, a new type's icon not listed here) resolves
 * through the runtime's map, so the builder shows what end users see.
 */
import AlignLeftOutlined from '@ant-design/icons-svg/lib/asn/AlignLeftOutlined';
import ApiOutlined from '@ant-design/icons-svg/lib/asn/ApiOutlined';
import AppstoreOutlined from '@ant-design/icons-svg/lib/asn/AppstoreOutlined';
import AuditOutlined from '@ant-design/icons-svg/lib/asn/AuditOutlined';
import BarChartOutlined from '@ant-design/icons-svg/lib/asn/BarChartOutlined';
import BarsOutlined from '@ant-design/icons-svg/lib/asn/BarsOutlined';
import BellOutlined from '@ant-design/icons-svg/lib/asn/BellOutlined';
import BranchesOutlined from '@ant-design/icons-svg/lib/asn/BranchesOutlined';
import CalculatorOutlined from '@ant-design/icons-svg/lib/asn/CalculatorOutlined';
import CalendarOutlined from '@ant-design/icons-svg/lib/asn/CalendarOutlined';
import CheckSquareOutlined from '@ant-design/icons-svg/lib/asn/CheckSquareOutlined';
import ClockCircleOutlined from '@ant-design/icons-svg/lib/asn/ClockCircleOutlined';
import CodeOutlined from '@ant-design/icons-svg/lib/asn/CodeOutlined';
import ColumnHeightOutlined from '@ant-design/icons-svg/lib/asn/ColumnHeightOutlined';
import ColumnWidthOutlined from '@ant-design/icons-svg/lib/asn/ColumnWidthOutlined';
import CreditCardOutlined from '@ant-design/icons-svg/lib/asn/CreditCardOutlined';
import DashboardOutlined from '@ant-design/icons-svg/lib/asn/DashboardOutlined';
import DatabaseOutlined from '@ant-design/icons-svg/lib/asn/DatabaseOutlined';
import DeleteOutlined from '@ant-design/icons-svg/lib/asn/DeleteOutlined';
import DollarOutlined from '@ant-design/icons-svg/lib/asn/DollarOutlined';
import EditOutlined from '@ant-design/icons-svg/lib/asn/EditOutlined';
import FieldTimeOutlined from '@ant-design/icons-svg/lib/asn/FieldTimeOutlined';
import FileAddOutlined from '@ant-design/icons-svg/lib/asn/FileAddOutlined';
import FileTextOutlined from '@ant-design/icons-svg/lib/asn/FileTextOutlined';
import FolderOutlined from '@ant-design/icons-svg/lib/asn/FolderOutlined';
import FontSizeOutlined from '@ant-design/icons-svg/lib/asn/FontSizeOutlined';
import FormOutlined from '@ant-design/icons-svg/lib/asn/FormOutlined';
import FunctionOutlined from '@ant-design/icons-svg/lib/asn/FunctionOutlined';
import HourglassOutlined from '@ant-design/icons-svg/lib/asn/HourglassOutlined';
import LinkOutlined from '@ant-design/icons-svg/lib/asn/LinkOutlined';
import LoginOutlined from '@ant-design/icons-svg/lib/asn/LoginOutlined';
import LogoutOutlined from '@ant-design/icons-svg/lib/asn/LogoutOutlined';
import MailOutlined from '@ant-design/icons-svg/lib/asn/MailOutlined';
import NodeIndexOutlined from '@ant-design/icons-svg/lib/asn/NodeIndexOutlined';
import NumberOutlined from '@ant-design/icons-svg/lib/asn/NumberOutlined';
import PartitionOutlined from '@ant-design/icons-svg/lib/asn/PartitionOutlined';
import PhoneOutlined from '@ant-design/icons-svg/lib/asn/PhoneOutlined';
import PlayCircleOutlined from '@ant-design/icons-svg/lib/asn/PlayCircleOutlined';
import PlusCircleOutlined from '@ant-design/icons-svg/lib/asn/PlusCircleOutlined';
import ProfileOutlined from '@ant-design/icons-svg/lib/asn/ProfileOutlined';
import ProjectOutlined from '@ant-design/icons-svg/lib/asn/ProjectOutlined';
import RetweetOutlined from '@ant-design/icons-svg/lib/asn/RetweetOutlined';
import SearchOutlined from '@ant-design/icons-svg/lib/asn/SearchOutlined';
import ShareAltOutlined from '@ant-design/icons-svg/lib/asn/ShareAltOutlined';
import TableOutlined from '@ant-design/icons-svg/lib/asn/TableOutlined';
import TagOutlined from '@ant-design/icons-svg/lib/asn/TagOutlined';
import TagsOutlined from '@ant-design/icons-svg/lib/asn/TagsOutlined';
import ThunderboltOutlined from '@ant-design/icons-svg/lib/asn/ThunderboltOutlined';
import UnorderedListOutlined from '@ant-design/icons-svg/lib/asn/UnorderedListOutlined';
import UserSwitchOutlined from '@ant-design/icons-svg/lib/asn/UserSwitchOutlined';
import { renderIconDefinitionToSVGElement } from '@ant-design/icons-svg/lib/helpers';
import type { IconDefinition } from '@ant-design/icons-svg/lib/types';
import { iconOf } from '@tessera/renderer/icons';

const ICONS: Record<string, IconDefinition> = {
  AlignLeftOutlined,
  ApiOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  BarsOutlined,
  BellOutlined,
  BranchesOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ClockCircleOutlined,
  CodeOutlined,
  ColumnHeightOutlined,
  ColumnWidthOutlined,
  CreditCardOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  DeleteOutlined,
  DollarOutlined,
  EditOutlined,
  FieldTimeOutlined,
  FileAddOutlined,
  FileTextOutlined,
  FolderOutlined,
  FontSizeOutlined,
  FormOutlined,
  FunctionOutlined,
  HourglassOutlined,
  LinkOutlined,
  LoginOutlined,
  LogoutOutlined,
  MailOutlined,
  NodeIndexOutlined,
  NumberOutlined,
  PartitionOutlined,
  PhoneOutlined,
  PlayCircleOutlined,
  PlusCircleOutlined,
  ProfileOutlined,
  ProjectOutlined,
  RetweetOutlined,
  SearchOutlined,
  ShareAltOutlined,
  TableOutlined,
  TagOutlined,
  TagsOutlined,
  ThunderboltOutlined,
  UnorderedListOutlined,
  UserSwitchOutlined,
};

// The attributes @ant-design/icons gives its svg elements.
const SVG_ATTRS = { width: '1em', height: '1em', fill: 'currentColor', 'aria-hidden': 'true' };
const markup = new Map<IconDefinition, { __html: string }>();

function svgOf(icon: IconDefinition): { __html: string } {
  let html = markup.get(icon);
  if (!html)
    markup.set(
      icon,
      (html = { __html: renderIconDefinitionToSVGElement(icon, { extraSVGAttrs: { ...SVG_ATTRS, 'data-icon': icon.name } }) }),
    );
  return html;
}

/** `className` is passed on: antd's Menu gives its item icons a class that spaces them from the label. */
export function TypeIcon({ name, style, className }: { name: string | undefined; style?: React.CSSProperties; className?: string }) {
  const icon = ICONS[name ?? 'AppstoreOutlined'];
  if (!icon)
    return (
      <span className={`anticon${className ? ` ${className}` : ''}`} style={style}>
        {iconOf(name)}
      </span>
    );
  return (
    <span
      role="img"
      aria-label={icon.name}
      className={`anticon anticon-${icon.name}${className ? ` ${className}` : ''}`}
      style={style}
      dangerouslySetInnerHTML={svgOf(icon)}
    />
  );
}
