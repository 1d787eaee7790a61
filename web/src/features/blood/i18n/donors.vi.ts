/** Vietnamese texts of the blood feature's donor pages (and the menu). */
export const viBloodDonors = {
  nav: {
    donors: 'Người hiến máu',
    drives: 'Điểm hiến máu',
    clubs: 'Câu lạc bộ hiến máu',
    callouts: 'Huy động máu hiếm',
    honours: 'Tôn vinh',
    mine: 'Hiến máu của tôi',
  },
};
