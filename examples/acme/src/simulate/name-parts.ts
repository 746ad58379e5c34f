/** Word lists for believable company and person names (all fictional; emails use `.example`). */
export const nameParts = {
  companyFirst: [
    'Northwind', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Acorn', 'Bluebird', 'Cobalt', 'Driftwood',
    'Evergreen', 'Foxglove', 'Granite', 'Harbor', 'Ironclad', 'Juniper', 'Kestrel', 'Lumen', 'Meridian', 'Nimbus', 'Oakridge', 'Pinnacle',
    'Quarry', 'Redwood', 'Summit', 'Tidewater', 'Upland', 'Vertex', 'Willow', 'Yellowstone', 'Zephyr', 'Atlas', 'Beacon', 'Cascade',
  ],
  companySecond: [
    'Logistics', 'Manufacturing', 'Health', 'Labs', 'Analytics', 'Foods', 'Energy', 'Studios', 'Robotics', 'Capital', 'Media', 'Freight',
    'Biotech', 'Retail', 'Software', 'Systems', 'Partners', 'Clinics', 'Construction', 'Design', 'Education', 'Insurance', 'Travel', 'Works',
  ],
  firstNames: [
    'Dana', 'Marcus', 'Priya', 'Lena', 'Tomás', 'Aisha', 'Kenji', 'Sofia', 'Oliver', 'Amara', 'Lucas', 'Mei', 'Noah', 'Fatima', 'Ivan',
    'Chloe', 'Mateo', 'Zara', 'Elias', 'Hana', 'Omar', 'Grace', 'Diego', 'Yuki', 'Samuel', 'Ines', 'Kofi', 'Nora', 'Arjun', 'Freya',
  ],
  lastNames: [
    'Ortiz', 'Chen', 'Shah', 'Novak', 'García', 'Okafor', 'Tanaka', 'Rossi', 'Smith', 'Mensah', 'Silva', 'Wang', 'Müller', 'Haddad',
    'Petrov', 'Dubois', 'Kim', 'Larsen', 'Nguyen', 'Costa', 'Ali', 'Brown', 'Fischer', 'Sato', 'Walker', 'Moreau', 'Boateng', 'Reyes',
  ],
  csmOwners: ['Jo Bennett', 'Sam Rivera', 'Alex Morgan', 'Riley Park', 'Casey Lin'],
} as const;
