//! Word lists and prose for the generated corpus, written for it. None of it
//! is a real story.

pub const CITIES: &[&str] = &[
    "Alderwick",
    "Brennmoor",
    "Castleford Bay",
    "Dunmarsh",
    "Eastholm",
    "Farrowgate",
    "Glenrock",
    "Harlow Point",
    "Ivybridge",
    "Juniper Falls",
    "Kestrel Vale",
    "Lowmere",
];

pub const EVENTS: &[&str] = &[
    "parade",
    "festival",
    "summit",
    "marathon",
    "regatta",
    "harvest fair",
    "memorial service",
    "trade fair",
    "concert",
    "state visit",
    "air show",
    "book fair",
];

pub const NOUNS: &[&str] = &[
    "spectators",
    "visitors",
    "runners",
    "delegates",
    "volunteers",
    "performers",
    "residents",
    "pilgrims",
    "supporters",
    "musicians",
];

pub const UNITS: &[&str] = &["kilometres", "miles", "km"];

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

pub const FIRST_NAMES: &[&str] = &[
    "Ada", "Bram", "Cora", "Dmitri", "Elin", "Farid", "Greta", "Hugo", "Imke", "Jonas", "Kira",
    "Luca", "Mina", "Nils", "Orla", "Pavel",
];

pub const LAST_NAMES: &[&str] = &[
    "Lind", "Holt", "Marsh", "Okafor", "Varga", "Quist", "Rahman", "Sorensen", "Tamm", "Ueda",
    "Voss", "Weller",
];

pub const ROLES: &[&str] = &[
    "mayor",
    "governor",
    "minister",
    "president",
    "ambassador",
    "chief constable",
    "chair",
];

pub const VERBS_SAID: &[&str] = &["said", "told reporters", "confirmed", "announced", "wrote"];

/// Sentences that state nothing checkable: the bulk of any news article.
pub const PROSE: &[&str] = &[
    "The streets filled slowly as the morning went on.",
    "Stalls selling food and flags lined both sides of the main road.",
    "Many families had travelled from neighbouring towns to be there.",
    "Organisers had spent months preparing the route and the stands.",
    "Some shops closed early so that their staff could watch.",
    "The weather held, although clouds gathered over the hills in the afternoon.",
    "A band played while children waved from their parents' shoulders.",
    "Local officials described the mood as calm and cheerful.",
    "Security was visible but relaxed, with officers chatting to onlookers.",
    "Traffic was diverted around the centre for most of the day.",
    "Residents said the event had brought the community together.",
    "Critics argued that the money could have been spent on schools instead.",
    "The city council has not published a full account of the costs.",
    "Volunteers handed out water and maps at every corner.",
    "Several roads near the river were closed to cars.",
    "Photographers gathered on the bridge for a view of the square.",
    "The square was decorated with banners in the city's colours.",
    "Older residents recalled similar gatherings from their childhood.",
    "Public transport ran extra services throughout the evening.",
    "Hotels in the area reported that they were almost full.",
    "The organisers thanked the emergency services for their support.",
    "Small groups of protesters gathered peacefully near the town hall.",
    "Local radio broadcast the proceedings from a tent beside the stage.",
    "The smell of grilled food drifted across the crowd.",
    "A few people complained about the long queues at the entrances.",
    "Street cleaners began work as soon as the last visitors left.",
    "The speeches focused on unity, memory and the years ahead.",
    "Historians have written at length about the town's long traditions.",
    "Some visitors said they would return with their friends next time.",
    "Shopkeepers said business had been brisk all afternoon.",
    "The ceremony ended with a moment of silence.",
    "Children drew pictures of the floats on the pavement in chalk.",
    "A large screen showed the highlights to those at the back.",
    "The cathedral bells rang out across the old town.",
    "Observers noted that the arrangements had run smoothly.",
    "Many of those present wore the traditional dress of the region.",
];
