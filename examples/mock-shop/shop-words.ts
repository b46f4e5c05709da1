/** Word lists for the shop's seeded data: a small online store for office and outdoor gear. */

export const PRODUCT_CATEGORIES: Record<string, readonly string[]> = {
  office: ['Desk Lamp', 'Notebook', 'Monitor Stand', 'Desk Organizer', 'Ergonomic Chair', 'Fountain Pen'],
  outdoor: ['Backpack', 'Water Bottle', 'Rain Jacket', 'Trail Shoes', 'Camping Mug', 'Headlamp'],
  kitchen: ['Coffee Grinder', 'French Press', 'Tea Infuser', 'Chef Knife', 'Cutting Board', 'Travel Tumbler'],
  tech: ['USB-C Hub', 'Wireless Charger', 'Noise-Cancelling Headphones', 'Laptop Sleeve', 'Webcam Cover', 'Power Bank'],
};

export const PRODUCT_ADJECTIVES = ['Classic', 'Compact', 'Pro', 'Eco', 'Nordic', 'Urban', 'Everyday', 'Premium', 'Lite', 'Studio'];

export const CONSUMER_DOMAINS = ['mail.example', 'inbox.example', 'post.example', 'webmail.example'];

export const COUNTRIES = ['DE', 'FR', 'GB', 'US', 'ES', 'IT', 'NL', 'SE', 'CN', 'JP'];

/** The shop's blog: customers reading these are the "article reads". */
export const ARTICLES: ReadonlyArray<{ id: string; title: string }> = [
  'How to set up an ergonomic home office',
  'Ten things to pack for a weekend hike',
  'Brewing the perfect French press coffee',
  'Choosing a backpack that fits',
  'Why USB-C hubs differ so much',
  'Caring for your chef knife',
  'A beginner’s guide to fountain pens',
  'Staying dry: rain jackets compared',
  'Desk lamps and eye strain',
  'Our favourite gifts under €30',
  'Travelling light with tech',
  'Loose-leaf tea for beginners',
  'How we test our trail shoes',
  'Making your workspace calmer',
  'Power banks on planes: the rules',
  'Camping breakfast ideas',
  'Sustainable materials in our range',
  'Meet the team behind the shop',
  'Returns and repairs, explained',
  'Spring sale: what is new',
].map((title, i) => ({ id: `art_${String(i + 1).padStart(3, '0')}`, title }));

export const TICKET_SUBJECTS = [
  'Where is my order?',
  'Item arrived damaged',
  'Wrong size delivered',
  'Request for an invoice',
  'Change of delivery address',
  'Refund not received',
  'Question about a product',
  'Discount code does not work',
];
