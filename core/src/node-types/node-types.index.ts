/** Every workflow node type folder, in palette order. Adding a type: a folder plus one line here. */
import { createRegistry } from '../registry/registry';
import { approvalNode } from './approval/approval.node';
import { assignOwnerNode } from './assign-owner/assign-owner.node';
import { callWorkflowNode } from './call-workflow/call-workflow.node';
import { conditionNode } from './condition/condition.node';
import { connectorNode } from './connector/connector.node';
import { delayNode } from './delay/delay.node';
import { forEachNode } from './for-each/for-each.node';
import type { NodeTypeDescriptor } from './node-type';
import { notifyNode } from './notify/notify.node';
import { recordCreateNode } from './record-create/record-create.node';
import { recordFindNode } from './record-find/record-find.node';
import { recordUpdateNode } from './record-update/record-update.node';
import { switchNode } from './switch/switch.node';
import { tagAddNode } from './tag-add/tag-add.node';
import { tagRemoveNode } from './tag-remove/tag-remove.node';
import { transformNode } from './transform/transform.node';
import { waitUntilNode } from './wait-until/wait-until.node';

export const nodeTypes = createRegistry<NodeTypeDescriptor>('node type', [
  connectorNode, recordCreateNode, recordUpdateNode, recordFindNode, transformNode, conditionNode, switchNode,
  forEachNode, delayNode, waitUntilNode, tagAddNode, tagRemoveNode, assignOwnerNode, notifyNode, approvalNode,
  callWorkflowNode,
]);
