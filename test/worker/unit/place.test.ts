// Where a proposal goes: the facilitator's frame before themes, lessons below the room, the frame staying open to the board's groups.
import { describe, it } from "vitest";
import { analyse, Lexicon, placeAll, placeArrival, type Room } from "../../../worker/domain/grouping";
import { PROPOSAL_TOPICS } from "../../../worker/domain/lexicon";

const lexicon = new Lexicon(PROPOSAL_TOPICS);
const a = (text: string) => analyse(text, lexicon);

describe("placing a proposal", () => {
  it("with an agenda typed, a proposal goes to one of its groups or to 'Chưa xếp nhóm', never to a theme of its own", ({
    expect,
  }) => {
    const room: Room = {
      groups: [
        { id: 1, key: null, label: "Cảnh báo sớm và sơ tán dân", manual: true },
        { id: 2, key: null, label: "Gia cố nhà ở trước mùa bão", manual: true },
      ],
      members: [],
      lessons: [],
    };
    expect(placeArrival(a("Lắp loa cảnh báo ở xóm ven sông"), room, lexicon)).toEqual({ groupId: 1 });
    expect(placeArrival(a("Cho chị em vay vốn ưu đãi để chăn nuôi"), room, lexicon)).toEqual({
      key: "unsorted",
      label: null,
    });
    const all = placeAll(
      [a("chang chong mai nha truoc mua bao"), a("Hội thi văn nghệ ngày 20/10")],
      room,
      lexicon,
    );
    expect(all).toEqual([{ groupId: 2 }, { key: "unsorted", label: null }]);
  });

  it("renaming one group does not close the board's others: a proposal like an automatic group's joins it", ({
    expect,
  }) => {
    const room: Room = {
      groups: [
        { id: 1, key: "credit", label: "Vốn vay ưu đãi", manual: false },
        { id: 2, key: "clean_water", label: null, manual: false },
      ],
      members: [
        { analysis: a("Cho chị em vay vốn để chăn nuôi"), groupId: 1, key: "credit", byHand: false },
        {
          analysis: a("Xây bể lọc nước sạch cho các hộ ở xóm trên"),
          groupId: 2,
          key: "clean_water",
          byHand: false,
        },
        { analysis: a("Đề nghị kéo nước sạch về thôn"), groupId: 2, key: "clean_water", byHand: false },
      ],
      lessons: [],
    };
    expect(placeArrival(a("Lắp bể lọc nước sạch cho xóm dưới"), room, lexicon)).toEqual({ groupId: 2 });
  });

  it("a lesson from the unit's earlier workshop makes a group of its name; with an agenda, lessons only teach its groups", ({
    expect,
  }) => {
    const lessons = [{ label: "Áo phao, xuồng cứu hộ", examples: [a("Cấp áo phao cho các hộ ven sông")] }];
    const cold: Room = { groups: [], members: [], lessons };
    expect(placeArrival(a("Xin thêm áo phao cho trẻ em ven sông"), cold, lexicon)).toEqual({
      key: "taught:ao phao, xuong cuu ho",
      label: "Áo phao, xuồng cứu hộ",
    });
    const agenda: Room = {
      groups: [{ id: 1, key: null, label: "Cảnh báo sớm và sơ tán dân", manual: true }],
      members: [],
      lessons,
    };
    const placed = placeArrival(a("Xin thêm áo phao cho trẻ em ven sông"), agenda, lexicon);
    expect("key" in placed && placed.key.startsWith("taught:")).toBe(false);
  });
});
