using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Web.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DetectionLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_entity_index_Kind_Hash",
                table: "entity_index");

            migrationBuilder.CreateTable(
                name: "entity_indexed_reports",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    KeyFingerprint = table.Column<byte[]>(type: "BLOB", maxLength: 8, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_entity_indexed_reports", x => x.ReportId);
                    table.ForeignKey(
                        name: "FK_entity_indexed_reports_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "entity_unlinked",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Hash = table.Column<byte[]>(type: "BLOB", maxLength: 16, nullable: false),
                    MarkedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MarkedById = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_entity_unlinked", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_entity_index_Kind_Hash_ReportId",
                table: "entity_index",
                columns: new[] { "Kind", "Hash", "ReportId" });

            migrationBuilder.CreateIndex(
                name: "IX_entity_unlinked_Kind_Hash",
                table: "entity_unlinked",
                columns: new[] { "Kind", "Hash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "entity_indexed_reports");

            migrationBuilder.DropTable(
                name: "entity_unlinked");

            migrationBuilder.DropIndex(
                name: "IX_entity_index_Kind_Hash_ReportId",
                table: "entity_index");

            migrationBuilder.CreateIndex(
                name: "IX_entity_index_Kind_Hash",
                table: "entity_index",
                columns: new[] { "Kind", "Hash" });
        }
    }
}
