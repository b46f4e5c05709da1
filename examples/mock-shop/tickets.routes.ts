/**
 * GET /tickets, POST /tickets: support tickets, the one resource a client can create. The body's
 * shape is checked by the router against `TicketInput`; what a schema cannot know (that the
 * customer exists and the order is theirs) is checked here. Tickets live in memory, per server.
 */
import type { ValidationIssue } from '@tessera/core';
import { byId, listOperation, type Operation } from './operation';
import { ref } from './shop-schemas';
import { ShopError } from './shop-error';
import type { ShopData, Ticket } from './shop-types';

/** Created tickets per server, by default: bounds the memory a client loop can take. */
export const MAX_NEW_TICKETS = 10_000;

interface TicketInput {
  customerId: string;
  orderId?: string;
  subject: string;
  body: string;
  priority: Ticket['priority'];
}

export function ticketRoutes(data: ShopData, maxNewTickets = MAX_NEW_TICKETS): Operation[] {
  const customer = byId(data.customers);
  const order = byId(data.orders);
  const seeded = data.tickets.length;
  return [
    listOperation({
      path: '/tickets',
      operationId: 'listTickets',
      summary: 'List support tickets (oldest first)',
      tag: 'tickets',
      item: 'Ticket',
      filters: [
        { name: 'customerId', description: "only this customer's tickets", schema: { type: 'string', minLength: 1, maxLength: 64 } },
      ],
      items: ({ query }) => (query.customerId === undefined ? data.tickets : data.tickets.filter((t) => t.customerId === query.customerId)),
    }),
    {
      method: 'POST',
      path: '/tickets',
      operationId: 'createTicket',
      summary: 'Open a support ticket for a customer',
      tag: 'tickets',
      body: 'TicketInput',
      response: { status: 201, description: 'the ticket, as created', schema: ref('Ticket') },
      errors: [400, 413, 415, 507],
      handle: ({ body }) => {
        const input = body as TicketInput;
        const problems: ValidationIssue[] = [];
        if (!customer(input.customerId)) problems.push({ pointer: '/body/customerId', message: `no customer ${input.customerId}` });
        else if (input.orderId !== undefined && order(input.orderId)?.customerId !== input.customerId)
          problems.push({ pointer: '/body/orderId', message: `no order ${input.orderId} of customer ${input.customerId}` });
        if (problems.length) throw new ShopError(400, 'invalid_body', 'the ticket is not valid', problems);
        if (data.tickets.length - seeded >= maxNewTickets)
          throw new ShopError(507, 'storage_full', `this server keeps at most ${maxNewTickets} new tickets; restart it`);
        const ticket: Ticket = {
          id: `tkt_${String(data.tickets.length + 1).padStart(5, '0')}`,
          customerId: input.customerId,
          orderId: input.orderId ?? null,
          subject: input.subject,
          body: input.body,
          priority: input.priority,
          status: 'open',
          createdAt: new Date().toISOString(),
        };
        data.tickets.push(ticket);
        return ticket;
      },
    },
  ];
}
